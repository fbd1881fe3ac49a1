import Foundation
import Testing

/// The binary works when copied on its own, as the README's Install section does it: the language
/// data is compiled in, and nothing is looked up beside the binary or in the build folder.
@Suite("An installed copy of the binary")
struct InstalledBinaryTests {
    /// The part of a SwiftPM resource bundle's name every bundle shares (`glossary_GlossaryKit.resources`).
    static let bundleSuffix = Array(".resources".utf8)

    @Test func binaryNamesNoResourceBundle() throws {
        let bytes = try Array(Data(contentsOf: CommandRunner.binary))
        // A target with resources gets an accessor that looks for the bundle beside the
        // executable and then at its absolute build path; both paths end in `.resources`.
        let offsets = Self.offsets(of: Self.bundleSuffix, in: bytes)
        let context = offsets.prefix(3).map { offset in
            String(decoding: bytes[max(0, offset - 60)..<min(bytes.count, offset + Self.bundleSuffix.count)], as: UTF8.self)
        }
        #expect(offsets.isEmpty, "the binary looks up a resource bundle: \(context)")
    }

    @Test func copiedBinaryChecksFromAnEmptyFolder() throws {
        let scratch = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bin = scratch.appendingPathComponent("bin"), empty = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        // The copy cannot reach a bundle at the build path either: every path ending in
        // `.resources` in it is changed (to `.resourcez`, same length), so any bundle look-up left
        // in the code would fail and the analyzers' data would be missing.
        var bytes = try Array(Data(contentsOf: CommandRunner.binary))
        for offset in Self.offsets(of: Self.bundleSuffix, in: bytes) {
            bytes[offset + Self.bundleSuffix.count - 1] = UInt8(ascii: "z")
        }
        let copy = bin.appendingPathComponent("glossary")
        try Data(bytes).write(to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)

        let glossary = scratch.appendingPathComponent("terms.yml")
        try """
        concepts:
          - id: migrant-worker
            terms:
              id:
                - pekerja migran
                - {term: TKI, type: acronym, status: deprecated}
              en:
                - migrant worker
                - {term: guest worker, status: deprecated}

        """.write(to: glossary, atomically: true, encoding: .utf8)
        // Readings from each built-in language's data: an Indonesian clitic, an English plural.
        let result = try CommandRunner.run(
            ["check", "--no-cache", "--no-config", "-g", glossary.path, "--lang", "id", "-"], in: empty,
            input: "Banyak TKI-nya berangkat.\n", executable: copy)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("<stdin>:1:8: warning: 'TKI-nya' is deprecated"), "\(result.stdout)")
        #expect(result.stdout.contains("matched 'TKI-nya' as 'TKI' + -nya"))
        let english = try CommandRunner.run(
            ["lookup", "--no-cache", "-g", glossary.path, "guest workers"], in: empty, executable: copy)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("migrant-worker"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty, "nothing is written where it runs")
    }

    /// Where `needle` starts in `bytes`.
    static func offsets(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !needle.isEmpty, bytes.count >= needle.count else { return [] }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var result: [Int] = []
                for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                    var length = 1
                    while length < needle.count, haystack[start + length] == needle[length] { length += 1 }
                    if length == needle.count { result.append(start) }
                }
                return result
            }
        }
    }
}
