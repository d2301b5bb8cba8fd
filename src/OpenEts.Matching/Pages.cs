using System.Runtime.CompilerServices;

namespace OpenEts.Matching;

/// <summary>Pre-faults the pages of a new pool array, so the first order stored on each page does not pay the page fault.</summary>
internal static class Pages
{
    public static void Touch<T>(T[] array)
        where T : struct
    {
        int stride = Math.Max(1, 4096 / Unsafe.SizeOf<T>());
        for (int i = 0; i < array.Length; i += stride)
        {
            array[i] = default;
        }
    }
}
