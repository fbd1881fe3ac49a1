import Foundation
import Testing

@testable import GlossaryKit

/// Standard input above the streaming threshold goes through a deleted temporary file and is
/// checked like a large file, with the findings of reading it whole.
@Suite("Streaming standard input")
struct StandardInputSpoolTests {
    /// Spools `bytes`, written into a pipe by another thread, with `threshold`.
    static func spool(_ bytes: [UInt8], threshold: Int) throws -> StandardInputSpool {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let writer = ends[1]
        let thread = Thread {
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { write(writer, $0.baseAddress! + written, bytes.count - written) }
                if count <= 0 { break }
                written += count
            }
            close(writer)
        }
        thread.start()
        defer { close(ends[0]) }
        return try StandardInputSpool.read(threshold: threshold, from: ends[0])
    }

    static let text = Array(
        (0..<4000).map { index in
            index % 7 == 0
                ? "Paragraph \(index): the International Labor Organization met.\n\n" : "Paragraph \(index) is about labour.\n\n"
        }.joined().utf8)

    @Test func smallInputIsHeldAndLargeInputIsSpooledWhole() throws {
        guard case let .bytes(small) = try Self.spool(Array(Self.text.prefix(500)), threshold: 1000) else {
            Issue.record("input below the threshold must be held")
            return
        }
        #expect(small == Array(Self.text.prefix(500)))
        guard case let .bytes(empty) = try Self.spool([], threshold: 1000) else {
            Issue.record("empty input must be held")
            return
        }
        #expect(empty.isEmpty)
        for threshold in [0, 1, 1000, Self.text.count - 1, Self.text.count] {
            guard case let .file(file) = try Self.spool(Self.text, threshold: threshold) else {
                Issue.record("input of at least the threshold must be spooled (\(threshold))")
                continue
            }
            #expect(Array(file.bytes) == Self.text, "threshold \(threshold)")
            #expect(file.path == "<stdin>")
        }
    }

    @Test func theTemporaryFileIsGoneAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.path
        func spools() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("glossary-stdin.") })
        }
        let before = spools()
        let spooled = try Self.spool(Self.text, threshold: 10)
        #expect(spools() == before, "no file is left in \(folder)")
        guard case let .file(file) = spooled else { Issue.record("not spooled"); return }
        #expect(file.bytes.count == Self.text.count)
    }

    @Test func spooledInputHasTheFindingsOfInputReadWhole() throws {
        guard case let .file(file) = try Self.spool(Self.text, threshold: 100) else {
            Issue.record("not spooled")
            return
        }
        let options = CheckOptions(language: .english, chunkSize: 256)
        let checker = TestSupport.exampleChecker
        guard case let .streamed(mapped, streamed) = CheckRunner.check(mapped: file, checker: checker, options: options) else {
            Issue.record("the spooled input was not streamed")
            return
        }
        guard case let .checked(_, whole) = CheckRunner.checkBytes(Self.text, path: "-", checker: checker, options: options)
        else {
            Issue.record("the input read whole was not checked")
            return
        }
        #expect(mapped.path == "<stdin>")
        #expect(!whole.isEmpty)
        #expect(streamed == whole)
        #expect(streamed.allSatisfy { $0.location.file == "<stdin>" })
    }
}
