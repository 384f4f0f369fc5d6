using System.CommandLine;

namespace CocoEval;

/// <summary>The command line of the sample: options, their checks, and the call into the runner.</summary>
public static class CocoEvalCommand
{
    /// <summary>Parses <paramref name="args"/>, evaluates and prints.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where the summary, tables and the JSON line go.</param>
    /// <param name="errors">Where warnings, timing and error messages go.</param>
    /// <returns>0 on success, 1 for bad arguments or unreadable input.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var options = new CommandOptions();
        RootCommand root = options.CreateCommand();
        root.SetAction(result => EvaluationRunner.Run(options.ToRequest(result), output, errors));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = errors });
    }

    private sealed class CommandOptions
    {
        private readonly Option<FileInfo> _gt = new("--gt")
        {
            Description = "COCO ground-truth JSON (instances_*.json).",
            Required = true,
        };

        private readonly Option<FileInfo> _dt = new("--dt")
        {
            Description = "COCO results JSON (array of detections).",
            Required = true,
        };

        private readonly Option<bool> _voc2007 = new("--voc2007")
        {
            Description = "Pascal VOC 2007 11-point mAP instead of COCO.",
        };

        private readonly Option<bool> _voc2012 = new("--voc2012")
        {
            Description = "Pascal VOC 2010-2012 all-point mAP instead of COCO.",
        };

        private readonly Option<bool> _json = new("--json")
        {
            Description = "End with one JSON line holding the figures.",
        };

        private readonly Option<DirectoryInfo?> _curves = new("--curves")
        {
            Description = "Write PR curves (CSV and PNG) here (COCO).",
        };

        public RootCommand CreateCommand()
        {
            var root = new RootCommand("Evaluate object detections as pycocotools or the Pascal VOC devkit does.")
            {
                _gt, _dt, _voc2007, _voc2012, _json, _curves,
            };
            root.Validators.Add(Validate);
            return root;
        }

        public EvaluationRequest ToRequest(ParseResult result) => new(
            result.GetValue(_gt)!.FullName,
            result.GetValue(_dt)!.FullName,
            Mode(result),
            result.GetValue(_json),
            result.GetValue(_curves)?.FullName);

        private VocMode Mode(ParseResult result) =>
            result.GetValue(_voc2007) ? VocMode.Voc2007
            : result.GetValue(_voc2012) ? VocMode.Voc2012
            : VocMode.None;

        private void Validate(System.CommandLine.Parsing.CommandResult result)
        {
            bool voc2007 = result.GetValue(_voc2007);
            bool voc2012 = result.GetValue(_voc2012);
            if (voc2007 && voc2012)
            {
                result.AddError("Choose one of --voc2007 and --voc2012, not both.");
            }

            // Curves are COCO precision-recall curves; accepting the option and writing nothing would surprise.
            if ((voc2007 || voc2012) && result.GetValue(_curves) is not null)
            {
                result.AddError(
                    "--curves writes COCO precision-recall curves and cannot be combined with --voc2007 or --voc2012.");
            }
        }
    }
}
