using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

public sealed class CocoEvaluatorParityTests
{
    public static TheoryData<string> HandMadeCases => CocoOracleCase.Names("cases");

    [Theory]
    [MemberData(nameof(HandMadeCases))]
    public void HandMadeCase_MatchesPycocotoolsWithin1e12(string name)
    {
        var oracle = CocoOracleCase.Load("cases", name);

        oracle.AssertMatches(oracle.Evaluate());
    }

    [Fact]
    public void Val2014FirstHundredImages_MatchesPublishedPycocotoolsStats()
    {
        var oracle = CocoOracleCase.LoadVal2014();

        CocoDetectionMetrics metrics = oracle.Evaluate();

        oracle.AssertMatches(metrics);
        Assert.Equal(0.5045806987249628, metrics.AP, 12);
        Assert.Equal(0.595352982877607, metrics.AR100, 12);
    }
}
