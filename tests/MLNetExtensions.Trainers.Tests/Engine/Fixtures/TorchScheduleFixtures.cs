namespace MLNetExtensions.Trainers.Tests.Engine.Fixtures;

/// <summary>Per-step learning rates printed by make_lr_schedule_fixtures.py with PyTorch 1.13.</summary>
internal static class TorchScheduleFixtures
{
    /// <summary>OneCycleLR(max_lr=0.1, total_steps=20, pct_start=0.3, cycle_momentum=False).</summary>
    public static readonly double[] OneCycle20 =
    [
        0.0040000000000000036, 0.013167184270002533, 0.037167184270002526, 0.06683281572999747,
        0.09083281572999748, 0.1, 0.09874640062350874, 0.09504846320134738, 0.089091617757105,
        0.0811745653949763, 0.07169430017913009, 0.06112620219362893, 0.0500002, 0.03887419780637107,
        0.028306099820869922, 0.0188258346050237, 0.010908782242895003, 0.004951936798652629,
        0.0012539993764912555, 4e-07,
    ];

    /// <summary>OneCycleLR(max_lr=0.05, total_steps=12, pct_start=0.25, cycle_momentum=False).</summary>
    public static readonly double[] OneCycle12 =
    [
        0.0020000000000000018, 0.026000000000000002, 0.05, 0.04849232155038564, 0.04415113447353014,
        0.03750005, 0.0293412870768555, 0.02065891292314451, 0.012500150000000007, 0.005849065526469865,
        0.0015078784496143707, 2e-07,
    ];

    /// <summary>CosineAnnealingLR(lr=0.1, T_max=10).</summary>
    public static readonly double[] Cosine10 =
    [
        0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462367, 0.06545084971874739,
        0.05000000000000001, 0.03454915028125264, 0.020610737385376353, 0.009549150281252635,
        0.002447174185242324,
    ];
}
