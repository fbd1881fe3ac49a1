import CICU
import Foundation
import Testing

@testable import GlossaryKit

/// When memory runs out, the C tokenizer says so: every allocation that fails makes the call
/// return an error, which the Swift layer throws (`TextError.icu` with ICU's
/// U_MEMORY_ALLOCATION_ERROR), nothing it had allocated is lost, and the tokenizer works as before
/// on the next call. Allocations fail on request through the hooks of debug builds
/// (`gk_debug_fail_allocations`, per thread), so these tests are skipped in release builds.
@Suite("Tokenizer memory", .enabled(if: gk_debug_fail_allocations(-1, 0) == 1))
struct TokenizerMemoryTests {
    /// ICU's U_MEMORY_ALLOCATION_ERROR, the code of every allocation failure.
    static let outOfMemory: Int32 = 7

    /// Lines for every splitter (the mask path, the state machine, ICU; ICU twice, the second
    /// line longer), words for every way a word is folded and remembered (ASCII and not, short
    /// and longer than a memo slot's sixteen bytes, seen once and repeated, in the glossary and
    /// not).
    static let text = """
        The ILO's labour-migration report (2024) counts 3.5 million migrant workers; internationalisation helps.
        Pagawé migran jeung pagawéna ngabéjaankeunana, pagawé migran Sunda’na.
        pagawe\u{301} migran, 東京 and שלום too: migrant workers, Internationalisation.
        \(String(repeating: "ngabéjaan שלום 東京 pagawé ", count: 20))
        """

    /// The texts each tokenizer splits in turn: the second is longer, so that buffers kept from
    /// the first call must grow.
    static let texts = [text, text + text + text]

    /// One way through the tokenizer, and a description of every word it gives.
    enum Path: CaseIterable, CustomTestStringConvertible {
        case run, runReference, scan, scanReference

        var testDescription: String {
            switch self {
            case .run: "split and fold"
            case .runReference: "split and fold, ICU only"
            case .scan: "scan"
            case .scanReference: "scan, ICU only"
            }
        }

        /// Every word of `text` as this path gives it. `unknownWords` collects the unknown words.
        func words(of text: String, with tokenizer: ICUWordTokenizer, unknownWords: ByteLexicon) throws -> [String] {
            let bytes = Array(text.utf8)
            return try bytes.withUnsafeBufferPointer { buffer in
                switch self {
                case .run, .runReference:
                    return try tokenizer.words(in: buffer, icuOnly: self == .runReference).map { word in
                        "\(word.start)..<\(word.end) \(word.kind) \(word.folded) \(word.bare)"
                    }
                case .scan, .scanReference:
                    let compiled = FastPathTests.projectCompiled
                    let scanned = try tokenizer.scan(
                        buffer, words: compiled.tables.words, gaps: compiled.tables.gapLexicon, unknownWords: unknownWords,
                        icuOnly: self == .scanReference)
                    return scanned.words.map { word in
                        let folded = scanned.folded[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)]
                        return "\(word.start)..<\(word.end) \(word.folded) \(word.bare) \(word.unknownWord) \(word.gap) "
                            + "\(word.isParagraphStart) \(word.lexiconFlags) \(String(decoding: folded, as: UTF8.self))"
                    }
                }
            }
        }
    }

    /// The blocks the tokenizer has allocated on this thread and not freed.
    static func liveBlocks() -> Int64 {
        var live: Int64 = 0, largest: Int64 = 0
        gk_debug_allocations(&live, &largest)
        return live
    }

    /// Runs `body` with the allocation after `after` others failing on this thread; tells whether
    /// one did.
    static func failing<T>(after: Int, _ body: () throws -> T) -> (result: Result<T, any Error>, failed: Bool) {
        _ = gk_debug_fail_allocations(Int32(after), 0)
        let result = Result { try body() }
        var live: Int64 = 0, largest: Int64 = 0
        gk_debug_allocations(&live, &largest)
        _ = gk_debug_fail_allocations(-1, 0)
        return (result, largest > 0)
    }

    @Test(arguments: Path.allCases)
    func everyAllocationFailureIsReportedAndLosesNothing(path: Path) throws {
        // Lexicons of unknown words stay alive to the end, so that none is allocated where an
        // earlier one was (the tokenizer's memo tells lexicons apart by address).
        var typeLexicons: [ByteLexicon] = []
        func freshTypes() -> ByteLexicon {
            typeLexicons.append(ByteLexicon())
            return typeLexicons[typeLexicons.count - 1]
        }
        // Each tokenizer splits the texts in turn, looking up unknown words in one lexicon.
        func wordsOfTexts(with tokenizer: ICUWordTokenizer) throws -> [[String]] {
            let types = freshTypes()
            return try Self.texts.map { try path.words(of: $0, with: tokenizer, unknownWords: types) }
        }
        let expected = try wordsOfTexts(with: ICUWordTokenizer())
        var failures = 0
        for after in 0..<10_000 {
            let liveBefore = Self.liveBlocks()
            var tokenizer: ICUWordTokenizer?
            // The tokenizer is made with the hook on, so that its own allocations fail in turn too.
            let (result, failed) = Self.failing(after: after) {
                let created = try ICUWordTokenizer()
                tokenizer = created
                return try wordsOfTexts(with: created)
            }
            guard failed else {
                // Past the last allocation: the call ran whole.
                #expect(try result.get() == expected)
                break
            }
            failures += 1
            switch result {
            case .success:
                Issue.record("allocation \(after) failed, and the call returned words as if it had not")
            case let .failure(error):
                #expect(
                    error as? TextError == .icu(code: Self.outOfMemory, operation: "splitting words")
                        || error as? TextError == .icu(code: Self.outOfMemory, operation: "looking words up")
                        || error as? TextError == .icu(code: Self.outOfMemory, operation: "opening the word break iterator"),
                    "allocation \(after): \(error)")
            }
            if let tokenizer {
                #expect(
                    try wordsOfTexts(with: tokenizer) == expected,
                    "allocation \(after) failed, and the tokenizer's next calls gave other words")
            }
            tokenizer = nil
            #expect(Self.liveBlocks() == liveBefore, "allocation \(after) failed, and blocks were lost")
        }
        // Every path allocates several buffers: the loop must have made some of them fail.
        #expect(failures >= 5)
    }

    /// What a tokenizer call on a thread of its own came to, read once the thread signals.
    final class Outcome: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var error: (any Error)?
        var mapped = true
        var largestRefused: Int64 = 0
    }

    @Test(arguments: [true, false])
    func aLineOfMoreThanTwoToTheThirtyBytesIsRefusedCleanly(icuOnly: Bool) throws {
        // One line of 2^30 + 4096 bytes (address space only: untouched pages read as zeros),
        // starting with א so that the fast path hands it to the state machine. Splitting it
        // needs a buffer of more than 2^30 elements (its UTF-16 copy for ICU, its classes for the
        // state machine), whose capacity, doubled from 256, passes 2^30. The hooks refuse every
        // allocation above 64 MiB, so the call must fail with out-of-memory, having asked for
        // room enough; it runs on a thread of its own so that a growth loop that never ends
        // fails the test instead of hanging the run.
        let length = (1 << 30) + 4096
        let outcome = Outcome()
        Thread {
            defer { outcome.done.signal() }
            let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            guard let memory, memory != UnsafeMutableRawPointer(bitPattern: -1) else {
                outcome.mapped = false
                return
            }
            defer { munmap(memory, length) }
            let bytes = memory.bindMemory(to: UInt8.self, capacity: length)
            bytes[0] = 0xD7
            bytes[1] = 0x90
            _ = gk_debug_fail_allocations(-1, 64 << 20)
            do {
                let tokenizer = try ICUWordTokenizer()
                _ = try tokenizer.words(in: UnsafeBufferPointer(start: bytes, count: length), icuOnly: icuOnly)
            } catch {
                outcome.error = error
            }
            var live: Int64 = 0
            gk_debug_allocations(&live, &outcome.largestRefused)
            _ = gk_debug_fail_allocations(-1, 0)
        }.start()
        guard outcome.done.wait(timeout: .now() + 120) == .success else {
            Issue.record("the tokenizer has not returned after two minutes: growing a buffer past 2^30 elements never ends")
            return
        }
        try #require(outcome.mapped, "could not reserve \(length) bytes of address space")
        #expect(outcome.error as? TextError == .icu(code: Self.outOfMemory, operation: "splitting words"))
        // UTF-16 units for ICU, one class byte per code point for the state machine.
        let needed = icuOnly ? (Int64(length) + 1) * 2 : Int64(length) + 2
        #expect(outcome.largestRefused >= needed)
    }
}
