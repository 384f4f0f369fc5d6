using TrainingProfile;

// dotnet run -c Release --project bench/TrainingProfile -- loop [--default-heap] [--epochs N]
// dotnet run -c Release --project bench/TrainingProfile -- pool
// dotnet run -c Release --project bench/TrainingProfile -- score MODEL.zip [--passes N]
const string Data = "/usr/share/datasets/fashion-mnist";
string mode = args.Length > 0 ? args[0] : "";
int Option(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

switch (mode)
{
    case "loop":
        BareTrainingLoop.Run(Data, Option("--epochs", 3), tunedHeap: !args.Contains("--default-heap"));
        break;
    case "pool":
        MaxPoolForms.Run();
        break;
    case "score" when args.Length > 1:
        ScoringPasses.Run(Data, args[1], Option("--passes", 10));
        break;
    default:
        Console.Error.WriteLine("usage: loop [--default-heap] [--epochs N] | pool | score MODEL.zip [--passes N]");
        return 2;
}

return 0;
