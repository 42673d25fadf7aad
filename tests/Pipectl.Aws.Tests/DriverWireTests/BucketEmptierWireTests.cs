using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Provisioning;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// The bucket emptier against a loopback S3 that keeps a list of versions and delete markers, serves it in
/// pages of at most max-keys entries and removes what each DeleteObjects names.
/// </summary>
public sealed class BucketEmptierWireTests
{
    private const string Bucket = "demo-artifacts";
    private static readonly XNamespace S3 = "http://s3.amazonaws.com/doc/2006-03-01/";

    private sealed record Entry(string Key, string VersionId, bool IsDeleteMarker);

    /// <summary>A versioned bucket held in memory, in ListObjectVersions order (key, then newest first).</summary>
    private sealed class FakeBucket(IEnumerable<Entry> entries)
    {
        private readonly List<Entry> _entries = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.VersionId, StringComparer.Ordinal).ToList();

        public int Remaining => _entries.Count;

        public bool IgnoreDeletes { get; init; }

        public Func<XElement, string?>? ErrorFor { get; init; }

        public List<(int Keys, Dictionary<string, string> Query)> Listings { get; } = [];

        public List<XDocument> Deletes { get; } = [];

        public WireReply Answer(RecordedRequest request)
        {
            // Never assert here: an exception would stop the server's loop and leave the client waiting.
            var (path, query) = Split(request.Path);
            var onBucket = path.TrimEnd('/') == $"/{Bucket}";
            if (onBucket && request.Method == "GET" && query.ContainsKey("versions"))
            {
                var max = int.Parse(query.GetValueOrDefault("max-keys", "1000"), CultureInfo.InvariantCulture);
                var page = _entries.Take(max).ToList();
                Listings.Add((page.Count, query));
                return Xml(ListResult(page, max, _entries.Count > page.Count));
            }

            if (onBucket && request.Method == "POST" && query.ContainsKey("delete"))
            {
                var document = XDocument.Parse(request.BodyText);
                Deletes.Add(document);
                var errors = new StringBuilder();
                foreach (var o in document.Root!.Elements(S3 + "Object"))
                {
                    var key = o.Element(S3 + "Key")!.Value;
                    var version = o.Element(S3 + "VersionId")?.Value;
                    if (ErrorFor?.Invoke(o) is { } code)
                    {
                        errors.Append(CultureInfo.InvariantCulture, $"<Error><Key>{key}</Key><VersionId>{version}</VersionId><Code>{code}</Code><Message>Access Denied</Message></Error>");
                    }
                    else if (!IgnoreDeletes)
                    {
                        _entries.RemoveAll(e => e.Key == key && e.VersionId == version);
                    }
                }

                return Xml($"""<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">{errors}</DeleteResult>""");
            }

            return new WireReply(400, $"<Error><Code>UnexpectedRequest</Code><Message>{request.Method} {request.Path}</Message></Error>", "application/xml");
        }

        private static string ListResult(List<Entry> page, int max, bool truncated)
        {
            var body = new StringBuilder();
            body.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>{Bucket}</Name><Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>{max}</MaxKeys><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>""");
            if (truncated)
            {
                body.Append(CultureInfo.InvariantCulture, $"<NextKeyMarker>{page[^1].Key}</NextKeyMarker><NextVersionIdMarker>{page[^1].VersionId}</NextVersionIdMarker>");
            }

            foreach (var e in page)
            {
                body.Append(e.IsDeleteMarker
                    ? $"<DeleteMarker><Owner><ID>abc</ID></Owner><Key>{e.Key}</Key><VersionId>{e.VersionId}</VersionId><IsLatest>true</IsLatest><LastModified>2025-01-01T00:00:00.000Z</LastModified></DeleteMarker>"
                    : $"<Version><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><IsLatest>false</IsLatest><Key>{e.Key}</Key><LastModified>2025-01-01T00:00:00.000Z</LastModified><Size>3</Size><StorageClass>STANDARD</StorageClass><VersionId>{e.VersionId}</VersionId></Version>");
            }

            return body.Append("</ListVersionsResult>").ToString();
        }
    }

    private static WireReply Xml(string body) => new(200, body, "application/xml");

    private static (string Path, Dictionary<string, string> Query) Split(string rawUrl)
    {
        var parts = rawUrl.Split('?', 2);
        var query = (parts.Length > 1 ? parts[1] : string.Empty)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);
        return (parts[0], query);
    }

    /// <summary>1,000 keys with two versions and a delete marker each, minus the last 500 markers.</summary>
    private static List<Entry> VersionedEntries(int total)
    {
        var entries = new List<Entry>();
        for (var i = 0; entries.Count < total; i++)
        {
            var key = $"builds/{i:D5}.zip";
            foreach (var (version, marker) in new[] { ($"v1-{i}", false), ($"v2-{i}", false), ($"v3-{i}", true) })
            {
                if (entries.Count < total)
                {
                    entries.Add(new Entry(key, version, marker));
                }
            }
        }

        return entries;
    }

    private static void AssertChecksummed(RecordedRequest request)
    {
        // DeleteObjects is "requestChecksumRequired": S3 refuses it without Content-MD5 or a checksum header.
        var md5 = request.Header("Content-MD5");
        var checksum = request.Headers.Keys.FirstOrDefault(h => h.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase) && !h.Equals("x-amz-checksum-algorithm", StringComparison.OrdinalIgnoreCase));
        Assert.True(md5 is not null || checksum is not null, $"DeleteObjects carries neither Content-MD5 nor x-amz-checksum-*; headers: {string.Join(", ", request.Headers.Keys)}");
        if (md5 is not null)
        {
            Assert.Equal(Convert.ToBase64String(MD5.HashData(request.Body)), md5);
        }

        // AWSSDK.S3 4.1.0 with RequestChecksumCalculation WHEN_REQUIRED sends a CRC32 of the body.
        if (request.Header("x-amz-checksum-crc32") is { } crc)
        {
            Assert.Equal(Crc32Base64(request.Body), crc);
        }
    }

    private static string Crc32Base64(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    [Fact]
    public async Task Versions_and_delete_markers_over_pages_are_deleted_in_the_fewest_DeleteObjects_calls()
    {
        using var server = new WireServer();
        var entries = VersionedEntries(2500);
        Assert.Contains(entries, e => e.IsDeleteMarker);
        var fake = new FakeBucket(entries);
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);

        var deleted = await new BucketEmptier(session.S3).EmptyAsync(Bucket, CancellationToken.None);

        Assert.Equal(2500, deleted);
        Assert.Equal(0, fake.Remaining);
        Assert.Equal(3, fake.Deletes.Count);
        Assert.Equal([1000, 1000, 500], fake.Deletes.Select(d => d.Root!.Elements(S3 + "Object").Count()));
        var deletedPairs = new HashSet<(string, string)>();
        foreach (var document in fake.Deletes)
        {
            Assert.Equal("Delete", document.Root!.Name.LocalName);
            Assert.Equal("true", document.Root.Element(S3 + "Quiet")?.Value);
            var objects = document.Root.Elements(S3 + "Object").ToList();
            Assert.InRange(objects.Count, 1, 1000);
            foreach (var o in objects)
            {
                var version = o.Element(S3 + "VersionId")?.Value;
                Assert.False(string.IsNullOrEmpty(version), $"an <Object> without VersionId: {o}");
                Assert.True(deletedPairs.Add((o.Element(S3 + "Key")!.Value, version!)), $"deleted twice: {o}");
            }
        }

        Assert.Equal(entries.Select(e => (e.Key, e.VersionId)).ToHashSet(), deletedPairs);

        var deleteRequests = server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, deleteRequests.Count);
        foreach (var request in deleteRequests)
        {
            AssertChecksummed(request);
            Assert.Equal(("eu-west-2", "s3"), request.SigningScope);
        }

        // Every round lists the first page of what is left: no markers, max-keys 1000; the last one is empty.
        Assert.Equal([1000, 1000, 500, 0], fake.Listings.Select(l => l.Keys));
        Assert.All(fake.Listings, l =>
        {
            Assert.Equal("1000", l.Query["max-keys"]);
            Assert.False(l.Query.ContainsKey("key-marker") || l.Query.ContainsKey("version-id-marker"));
        });
        Assert.Equal(3, session.Counter.Operations.Count(o => o == "DeleteObjects"));
    }

    [Fact]
    public async Task Unversioned_objects_are_deleted_with_the_version_id_null()
    {
        using var server = new WireServer();
        var fake = new FakeBucket(Enumerable.Range(0, 1500).Select(i => new Entry($"site/{i:D4}.html", "null", false)));
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);

        var deleted = await new BucketEmptier(session.S3).EmptyAsync(Bucket, CancellationToken.None);

        Assert.Equal(1500, deleted);
        Assert.Equal(0, fake.Remaining);
        Assert.Equal(2, fake.Deletes.Count);
        Assert.All(fake.Deletes.SelectMany(d => d.Root!.Elements(S3 + "Object")), o => Assert.Equal("null", o.Element(S3 + "VersionId")?.Value));
    }

    [Fact]
    public async Task A_per_key_error_in_a_200_DeleteObjects_reply_is_a_provisioning_error()
    {
        using var server = new WireServer();
        var fake = new FakeBucket(VersionedEntries(30))
        {
            ErrorFor = o => o.Element(S3 + "Key")!.Value == "builds/00004.zip" ? "AccessDenied" : null,
        };
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => new BucketEmptier(session.S3).EmptyAsync(Bucket, CancellationToken.None));

        Assert.Contains(Bucket, e.Message, StringComparison.Ordinal);
        Assert.Contains("builds/00004.zip", e.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Deletes);
    }

    [Fact]
    public async Task A_bucket_that_does_not_exist_counts_as_empty()
    {
        using var server = new WireServer();
        server.Responder = r => new WireReply(404,
            $"""<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>{Bucket}</BucketName><RequestId>{WireReply.RequestId}</RequestId></Error>""",
            "application/xml");
        using var session = WireSession.For(server);

        var deleted = await new BucketEmptier(session.S3).EmptyAsync(Bucket, CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Single(server.Requests);
        Assert.Equal("GET", server.Requests[0].Method);
    }

    [Fact]
    public async Task Entries_that_stay_listed_after_a_clean_delete_stop_the_loop()
    {
        using var server = new WireServer();
        var fake = new FakeBucket(VersionedEntries(10)) { IgnoreDeletes = true };
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => new BucketEmptier(session.S3).EmptyAsync(Bucket, CancellationToken.None));

        Assert.Contains("no progress", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Deletes);
    }
}
