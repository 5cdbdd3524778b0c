using System.Security.Cryptography;
using System.Text.Json;

namespace Interpret.Core.Models;

/// <summary>The checks made before a model folder's weights are touched: manifest.json is there and reads as a
/// manifest, and every file it lists is there with the size and SHA-256 it records. A truncated or changed file
/// is then a one-line message naming the file, never an error deep inside the weight loader.</summary>
public static class ModelFolderCheck
{
    public static ModelManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ModelFolder.ManifestFile);
        if (!File.Exists(path)) throw new ModelLoadException(directory, ModelFolder.ManifestFile, $"no {ModelFolder.ManifestFile}");
        try { return ModelManifest.Load(path); }
        catch (JsonException e)
        {
            // System.Text.Json counts lines from 0; editors from 1. Its message ends in "Path: … | LineNumber: …", said here.
            var detail = e.Message.Split(" Path: ")[0].Trim();
            var reason = e.LineNumber is { } line ? $"unreadable JSON at line {line + 1}: {detail}" : $"unreadable JSON: {detail}";
            throw new ModelLoadException(directory, ModelFolder.ManifestFile, reason, e);
        }
    }

    /// <summary>Sizes first (free), then SHA-256 (models are at most 15 MB: tens of milliseconds).</summary>
    public static void VerifyFiles(string directory, ModelManifest manifest)
    {
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(directory, file.Name);
            if (!File.Exists(path)) throw new ModelLoadException(directory, file.Name, $"missing file (listed in {ModelFolder.ManifestFile})");
            var bytes = new FileInfo(path).Length;
            if (bytes != file.Bytes)
                throw new ModelLoadException(directory, file.Name, $"size mismatch: {bytes} bytes, {ModelFolder.ManifestFile} says {file.Bytes}");
            if (Sha256(path) != file.Sha256)
                throw new ModelLoadException(directory, file.Name, $"hash mismatch: its SHA-256 is not the one in {ModelFolder.ManifestFile} (the file is damaged or was changed)");
        }
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
