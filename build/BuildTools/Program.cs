using MLNetExtensions.BuildTools;

return args switch
{
    ["publicize", var input, var output] => Publicizer.Run(input, output),
    ["patch-libstdcxx-need", .. var files] => ElfVersionNeedPatcher.Run(files),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: publicize <in.dll> <out.dll> | patch-libstdcxx-need <file.so>...");
    return 2;
}
