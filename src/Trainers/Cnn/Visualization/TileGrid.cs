namespace MLNetExtensions.Trainers.Cnn.Architectures.Visualization;

/// <summary>
/// Lays equally sized tiles out in a near-square grid as RGBA pixels: each tile is min-max scaled
/// to 0..255 on its own and enlarged by an integer factor; tiles are separated by white lines.
/// </summary>
internal sealed class TileGrid
{
    private const byte Background = 255;

    public TileGrid(int tileCount, int tileHeight, int tileWidth, int scale, int spacing)
    {
        TileCount = tileCount;
        TileHeight = tileHeight;
        TileWidth = tileWidth;
        Scale = scale;
        Spacing = spacing;
        Columns = (int)Math.Ceiling(Math.Sqrt(tileCount));
        Rows = (tileCount + Columns - 1) / Columns;
        Width = (Columns * ((tileWidth * scale) + spacing)) + spacing;
        Height = (Rows * ((tileHeight * scale) + spacing)) + spacing;
    }

    public int TileCount { get; }

    public int TileHeight { get; }

    public int TileWidth { get; }

    public int Scale { get; }

    public int Spacing { get; }

    public int Columns { get; }

    public int Rows { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Renders the tiles, each <c>[channels, TileHeight, TileWidth]</c> with 1 (grey) or 3 (RGB) channels.
    /// </summary>
    public byte[] Render(IReadOnlyList<float[]> tiles, int channels)
    {
        var rgba = new byte[Width * Height * 4];
        Array.Fill(rgba, Background);
        for (int t = 0; t < tiles.Count; t++)
        {
            DrawTile(rgba, t, Normalise(tiles[t]), channels);
        }

        return rgba;
    }

    /// <summary>Scales values to 0..255 by the tile's minimum and maximum; a constant tile becomes 0.</summary>
    public static byte[] Normalise(float[] values)
    {
        float min = values.Min();
        float range = values.Max() - min;
        var bytes = new byte[values.Length];
        if (range > 0 && float.IsFinite(range))
        {
            for (int i = 0; i < values.Length; i++)
            {
                bytes[i] = (byte)Math.Round(255.0 * (values[i] - min) / range);
            }
        }

        return bytes;
    }

    private void DrawTile(byte[] rgba, int tile, byte[] levels, int channels)
    {
        int left = Spacing + ((tile % Columns) * ((TileWidth * Scale) + Spacing));
        int top = Spacing + ((tile / Columns) * ((TileHeight * Scale) + Spacing));
        int plane = TileHeight * TileWidth;
        for (int y = 0; y < TileHeight * Scale; y++)
        {
            for (int x = 0; x < TileWidth * Scale; x++)
            {
                int source = ((y / Scale) * TileWidth) + (x / Scale);
                int target = (((top + y) * Width) + left + x) * 4;
                for (int c = 0; c < 3; c++)
                {
                    rgba[target + c] = levels[source + (channels == 3 ? c * plane : 0)];
                }
            }
        }
    }
}
