using System.Runtime.InteropServices;

namespace Corridors.Data;

/// <summary>What a path names, without following a symbolic link.</summary>
public enum PathKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind the CLI reads as a file, replaces or opens as a database.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (whatever it points to).</summary>
    SymbolicLink,

    /// <summary>A device node, a FIFO or a socket.</summary>
    Special,
}

/// <summary>
/// Tells regular files from device nodes, FIFOs, sockets and links. .NET reports all of those as plain files
/// (<see cref="FileAttributes.Normal"/>), and merely opening a FIFO blocks until a writer appears, so on Linux the
/// file type comes from <c>statx(2)</c>; elsewhere from the attributes .NET has.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private static bool _statxMissing;

    /// <summary>What <paramref name="path"/> names (a link is not followed).</summary>
    public static PathKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && !_statxMissing && TryStatx(path, out var kind))
        {
            return kind;
        }

        FileSystemInfo info = System.IO.Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return PathKind.SymbolicLink;
        }

        if (!info.Exists)
        {
            return PathKind.Missing;
        }

        if (info is DirectoryInfo)
        {
            return PathKind.Directory;
        }

        return (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0 ? PathKind.Special : PathKind.RegularFile;
    }

    /// <summary>A sentence fragment for what a non-regular path is (<c>a directory</c>, <c>a symbolic link</c>, ...).</summary>
    public static string Describe(PathKind kind) => kind switch
    {
        PathKind.Directory => "a directory",
        PathKind.SymbolicLink => "a symbolic link",
        PathKind.Special => "a device, FIFO or socket, not a regular file",
        PathKind.Missing => "missing",
        _ => "a regular file",
    };

    private static bool TryStatx(string path, out PathKind kind)
    {
        kind = PathKind.Missing;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                // ENOENT / ENOTDIR: nothing there. Any other error (EACCES, ...): ask .NET instead.
                return Marshal.GetLastPInvokeError() is 2 or 20;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return false;
        }

        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & 0xF000;
        kind = mode switch
        {
            0x8000 => PathKind.RegularFile,
            0x4000 => PathKind.Directory,
            0xA000 => PathKind.SymbolicLink,
            _ => PathKind.Special,
        };
        return true;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
