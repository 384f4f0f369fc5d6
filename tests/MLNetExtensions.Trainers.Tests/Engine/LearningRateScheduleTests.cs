using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Trainers.Tests.Engine.Fixtures;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class LearningRateScheduleTests
{
    [Fact]
    public void OneCycle_TwentySteps_MatchesTorchOneCycleLR()
    {
        var schedule = Create(LearningRateScheduleKind.OneCycle, 0.1, 20, warmup: 0.3);
        AssertRates(TorchScheduleFixtures.OneCycle20, schedule);
    }

    [Fact]
    public void OneCycle_TwelveStepsQuarterWarmup_MatchesTorchOneCycleLR()
    {
        var schedule = Create(LearningRateScheduleKind.OneCycle, 0.05, 12, warmup: 0.25);
        AssertRates(TorchScheduleFixtures.OneCycle12, schedule);
    }

    [Fact]
    public void OneCycle_NoWarmupGiven_UsesTorchDefaultPctStart()
    {
        var schedule = Create(LearningRateScheduleKind.OneCycle, 0.1, 20, warmup: null);
        AssertRates(TorchScheduleFixtures.OneCycle20, schedule);
    }

    [Fact]
    public void Cosine_NoWarmup_MatchesTorchCosineAnnealingLR()
    {
        var schedule = Create(LearningRateScheduleKind.Cosine, 0.1, 10, warmup: null);
        AssertRates(TorchScheduleFixtures.Cosine10, schedule);
    }

    [Fact]
    public void Cosine_WithWarmup_RisesLinearlyThenAnneals()
    {
        // 10 steps, warm-up 0.2 -> 2 steps: 0.5 x 0.1, 1.0 x 0.1; then T = 8 annealing steps,
        // lr(t) = 0.1 x (1 + cos(pi t / 8)) / 2: t = 0 -> 0.1, t = 4 -> 0.05, t = 7 -> 0.1 x (1 + cos(7pi/8)) / 2.
        var schedule = Create(LearningRateScheduleKind.Cosine, 0.1, 10, warmup: 0.2);

        Assert.Equal(0.05, schedule.At(0), 12);
        Assert.Equal(0.1, schedule.At(1), 12);
        Assert.Equal(0.1, schedule.At(2), 12);
        Assert.Equal(0.05, schedule.At(6), 12);
        Assert.Equal(0.1 * (1 + Math.Cos(7 * Math.PI / 8)) / 2, schedule.At(9), 12);
    }

    [Fact]
    public void Constant_WithWarmup_RisesLinearlyThenHolds()
    {
        // 20 steps, warm-up 0.2 -> 4 steps of 0.25, 0.5, 0.75, 1.0 x base.
        var schedule = Create(LearningRateScheduleKind.Constant, 0.2, 20, warmup: 0.2);

        double[] expected = [0.05, 0.1, 0.15, 0.2, 0.2, 0.2];
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(s => Math.Round(schedule.At(s), 12)));
        Assert.Equal(0.2, schedule.At(19));
    }

    private static LearningRateSchedule Create(
        LearningRateScheduleKind kind, double rate, long steps, double? warmup) =>
        LearningRateSchedule.Create(
            new TrainingOptions { Schedule = kind, LearningRate = rate, WarmupFraction = warmup }, steps);

    private static void AssertRates(double[] expected, LearningRateSchedule schedule)
    {
        for (var step = 0; step < expected.Length; step++)
        {
            Assert.True(
                Math.Abs(expected[step] - schedule.At(step)) < 1e-12,
                $"Step {step}: expected {expected[step]}, got {schedule.At(step)}.");
        }
    }
}
