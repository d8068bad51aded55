using MathNet.Numerics;

namespace SmartCity.Twin.Detectors.Tests.Iid;

public sealed class NormalCdfTests
{
    [Fact]
    public void The_tabulated_normal_distribution_matches_erfc_within_a_billionth_everywhere()
    {
        var worst = 0.0;
        for (var z = -10.0; z <= 10; z += 0.0007)
        {
            var exact = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            worst = Math.Max(worst, Math.Abs(KernelDensity.StandardNormalCdf(z) - exact));
        }

        Assert.True(worst < 1e-9, $"largest error {worst:E2}");
        Assert.Equal(0.975002, KernelDensity.StandardNormalCdf(1.96), 6);
    }
}
