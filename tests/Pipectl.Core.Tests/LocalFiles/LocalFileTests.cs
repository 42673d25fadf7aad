using Pipectl.Core.LocalFiles;
using Pipectl.Core.Tests.Seeding;

namespace Pipectl.Core.Tests.LocalFiles;

/// <summary>Only regular files are read, never past a cap: a FIFO or a device is refused without being opened.</summary>
public sealed class LocalFileTests
{
    [Fact]
    public void Fifos_devices_folders_and_links_are_told_apart_without_opening_them()
    {
        using var tree = new SeedTree();
        tree.File("a.txt", "a").Fifo("pipe").Link("link", "a.txt");

        Assert.Equal(LocalFileKind.Regular, LocalFile.KindOf(tree.PathOf("a.txt")));
        Assert.Equal(LocalFileKind.Special, LocalFile.KindOf(tree.PathOf("pipe")));
        Assert.Equal(LocalFileKind.Special, LocalFile.KindOf("/dev/zero"));
        Assert.Equal(LocalFileKind.Directory, LocalFile.KindOf(tree.Root));
        Assert.Equal(LocalFileKind.SymbolicLink, LocalFile.KindOf(tree.PathOf("link"), followLinks: false));
        Assert.Equal(LocalFileKind.Regular, LocalFile.KindOf(tree.PathOf("link")));
        Assert.Equal(LocalFileKind.Missing, LocalFile.KindOf(tree.PathOf("nothing")));
    }

    [Fact]
    public void Reading_a_fifo_or_dev_zero_fails_at_once_instead_of_blocking_or_growing()
    {
        using var tree = new SeedTree();
        tree.Fifo("pipe");

        var fifo = Assert.Throws<LocalFileException>(() => LocalFile.ReadText(tree.PathOf("pipe"), "-f \"pipe\""));
        var zero = Assert.Throws<LocalFileException>(() => LocalFile.ReadText("/dev/zero", "validate \"/dev/zero\""));

        Assert.Contains("not a regular file", fifo.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/zero", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_with_its_size()
    {
        using var tree = new SeedTree();
        tree.Bytes("big.yml", new byte[LocalFile.MaxTextBytes + 1]).Bytes("fits.yml", new byte[16]);

        var e = Assert.Throws<LocalFileException>(() => LocalFile.ReadText(tree.PathOf("big.yml"), "-f \"big.yml\""));

        Assert.Contains("more than the 1 MB", e.Message, StringComparison.Ordinal);
        Assert.Equal(16, LocalFile.ReadBytes(tree.PathOf("fits.yml"), 16, "fits").Length);
        Assert.Throws<LocalFileException>(() => LocalFile.ReadBytes(tree.PathOf("fits.yml"), 15, "fits"));
    }

    [Fact]
    public void The_real_path_resolves_links_in_parent_folders()
    {
        using var outside = new SeedTree();
        outside.File("secret.env", "X=1");
        using var tree = new SeedTree();
        tree.Link("sub", outside.Root);

        Assert.Equal(outside.PathOf("secret.env"), LocalFile.RealPath(tree.PathOf("sub/secret.env")));
    }
}
