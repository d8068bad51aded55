using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Live;

/// <summary>The coarse grid viewports are indexed by: a change is checked only against viewports overlapping its cell.</summary>
internal sealed class LiveGrid(double cellDegrees, int maxCellsPerViewport)
{
    public long CellOf(GeoPoint point) => Key(Column(point.Longitude), Row(point.Latitude));

    /// <summary>The cells <paramref name="bounds"/> overlaps, or an empty list when they are too many to index.</summary>
    public IReadOnlyList<long> CellsOf(GeoBounds bounds)
    {
        var minColumn = Column(bounds.MinLongitude);
        var maxColumn = Column(bounds.MaxLongitude);
        var minRow = Row(bounds.MinLatitude);
        var maxRow = Row(bounds.MaxLatitude);
        var count = ((long)maxColumn - minColumn + 1) * ((long)maxRow - minRow + 1);
        if (count > maxCellsPerViewport)
        {
            return [];
        }

        var cells = new List<long>((int)count);
        for (var row = minRow; row <= maxRow; row++)
        {
            for (var column = minColumn; column <= maxColumn; column++)
            {
                cells.Add(Key(column, row));
            }
        }

        return cells;
    }

    private int Column(double longitude) => (int)Math.Floor((longitude + 180) / cellDegrees);

    private int Row(double latitude) => (int)Math.Floor((latitude + 90) / cellDegrees);

    private static long Key(int column, int row) => ((long)row << 32) | (uint)column;
}
