using System.Reflection;

namespace MLNetExtensions.Trainers.Cnn;

/// <summary>Copies settings objects (public read-write properties) so that a trainer keeps its own.</summary>
internal static class SettingsCopy
{
    /// <summary>A new <typeparamref name="T"/> with every public read-write property of
    /// <paramref name="source"/>.</summary>
    public static T Of<T>(T source)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property is { CanRead: true, CanWrite: true } && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(copy, property.GetValue(source));
            }
        }

        return copy;
    }
}
