using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Interpret.Core.Models.Onnx;

/// <summary>Reads a manifest resource embedded in a .NET assembly file without loading the assembly or running any
/// of its code: the CLI header's resources block holds each resource as a 4-byte length and its bytes.</summary>
public static class AssemblyResources
{
    public static byte[] Read(string assemblyPath, string resourceName)
    {
        if (!File.Exists(assemblyPath)) throw new FileNotFoundException($"{assemblyPath} does not exist.", assemblyPath);
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null) throw new InvalidDataException($"{assemblyPath} is not a .NET assembly.");
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != resourceName) continue;
            if (!resource.Implementation.IsNil) throw new InvalidDataException($"{assemblyPath}: resource {resourceName} lives in another file.");
            var block = pe.GetSectionData(pe.PEHeaders.CorHeader.ResourcesDirectory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            int length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }
        throw new InvalidDataException($"{assemblyPath} has no resource {resourceName}.");
    }
}
