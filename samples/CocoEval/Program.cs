Console.WriteLine("CocoEval sample: not yet written");
