Console.WriteLine("FashionMnist sample: not yet written");
