namespace SmartCity.Twin.Detectors;

/// <summary>
/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations, in place and without allocation (the
/// SSA refit runs inside a grain's turn; MathNet's decomposition allocates its matrices on every call). Jacobi is
/// O(n³) per sweep and converges quadratically; for the n ≤ 100 lag matrices here a handful of sweeps suffice.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 60;

    /// <summary>
    /// Diagonalises row-major <paramref name="matrix"/> (n×n, overwritten). On return <paramref name="values"/>[k] is an
    /// eigenvalue and column k of row-major <paramref name="vectors"/> its unit eigenvector; unsorted.
    /// </summary>
    public static void Decompose(Span<double> matrix, int n, Span<double> vectors, Span<double> values)
    {
        vectors[..(n * n)].Clear();
        for (var i = 0; i < n; i++)
        {
            vectors[(i * n) + i] = 1;
        }

        var total = 0.0;
        for (var i = 0; i < n * n; i++)
        {
            total += matrix[i] * matrix[i];
        }

        var tolerance = 1e-26 * total;
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += matrix[(p * n) + q] * matrix[(p * n) + q];
                }
            }

            if (off <= tolerance)
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    Rotate(matrix, vectors, n, p, q);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = matrix[(i * n) + i];
        }
    }

    /// <summary>A ← JᵀAJ and V ← VJ with the rotation J in the (p, q) plane that zeroes A[p, q].</summary>
    private static void Rotate(Span<double> a, Span<double> v, int n, int p, int q)
    {
        var apq = a[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        if (theta == 0)
        {
            t = 1;
        }

        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var akp = a[(k * n) + p];
            var akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[(p * n) + k];
            var aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }

        for (var k = 0; k < n; k++)
        {
            var vkp = v[(k * n) + p];
            var vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
