using FashionMnistSample;

return SampleCommand.Create(Console.Out).Parse(args).Invoke();
