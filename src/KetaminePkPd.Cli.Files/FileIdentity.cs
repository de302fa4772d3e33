using System.Runtime.InteropServices;

namespace KetaminePkPd.Cli.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or nothing this process may look at).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character device (<c>/dev/null</c>, a terminal): written as a stream.</summary>
    Device,

    /// <summary>A FIFO (a named or anonymous pipe): written as a stream.</summary>
    Fifo,

    /// <summary>A block device, a socket or another node that is neither a file nor a stream.</summary>
    Other,
}

/// <summary>
/// The file a path names, following symbolic links: its kind and an identity (device and inode number) equal for two
/// paths exactly when they name the same file, whether through symbolic links, hard links or different spellings. From
/// statx(2) on Linux and stat(2) on macOS; elsewhere (Windows), and if the call is missing, from .NET, with the fully
/// resolved path standing in for the inode (symbolic links are then seen through, hard links are not).
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Id">The identity: <c>device:inode</c>, or the resolved path; null when <see cref="FileKind.Missing"/>.</param>
internal readonly partial record struct FileIdentity(FileKind Kind, string? Id)
{
    private const int AtFdCwd = -100, AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>True when both name an existing file and it is the same one.</summary>
    public bool IsSameFileAs(FileIdentity other) => Kind != FileKind.Missing && other.Kind != FileKind.Missing && Id == other.Id;

    /// <summary>What <paramref name="path"/> names (a relative path is taken from the current directory).</summary>
    public static FileIdentity Of(string path) => Native(AtFdCwd, path, 0) ?? Managed(path);

    /// <summary>What this process's file descriptor <paramref name="fd"/> (1 = stdout, 2 = stderr) is, where the platform tells (Linux); else missing.</summary>
    public static FileIdentity OfDescriptor(int fd) => (OperatingSystem.IsLinux() ? Native(fd, "", AtEmptyPath) : null) ?? default;

    private static unsafe FileIdentity? Native(int dirfd, string path, int flags)
    {
        try
        {
            byte* buffer = stackalloc byte[256];
            if (OperatingSystem.IsLinux())
            {
                // struct statx (linux/stat.h; one layout on every architecture): mode u16 at 28, ino u64 at 32, dev major/minor u32 at 136/140.
                if (Statx(dirfd, path, flags, StatxBasicStats, buffer) != 0) return default;
                return From(*(ushort*)(buffer + 28), $"{*(uint*)(buffer + 136)}.{*(uint*)(buffer + 140)}:{*(ulong*)(buffer + 32)}");
            }
            if (OperatingSystem.IsMacOS())
            {
                // struct stat with 64-bit inodes (sys/stat.h): dev i32 at 0, mode u16 at 4, ino u64 at 8 (stat$INODE64 on x64).
                int result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? MacStatX64(path, buffer) : MacStat(path, buffer);
                if (result != 0) return default;
                return From(*(ushort*)(buffer + 4), $"{*(int*)buffer}:{*(ulong*)(buffer + 8)}");
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // An old C library without statx: fall back to .NET.
        }
        return null;
    }

    private static FileIdentity From(int mode, string id) => (mode & 0xF000) switch
    {
        0x8000 => new(FileKind.Regular, id),
        0x4000 => new(FileKind.Directory, id),
        0x2000 => new(FileKind.Device, id),
        0x1000 => new(FileKind.Fifo, id),
        _ => new(FileKind.Other, id),
    };

    private static FileIdentity Managed(string path)
    {
        try
        {
            string full = Path.GetFullPath(path);
            var kind = Directory.Exists(full) ? FileKind.Directory : File.Exists(full) ? FileKind.Regular : FileKind.Missing;
            if (kind == FileKind.Missing) return default;
            string resolved = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            return new(kind, OperatingSystem.IsWindows() ? resolved.ToUpperInvariant() : resolved);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return default;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int MacStat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int MacStatX64(string path, byte* buffer);
}
