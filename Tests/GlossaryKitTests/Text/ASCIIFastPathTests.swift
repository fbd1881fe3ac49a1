import Foundation
import Testing
@testable import GlossaryKit

/// The scanner lower-cases ASCII words itself instead of calling ICU's NFKC_Casefold. This is
/// only allowed because it changes nothing: these tests fold real texts both ways and compare
/// every word.
@Suite("ASCII folding fast path")
struct ASCIIFastPathTests {
    func compare(_ bytes: [UInt8], _ name: String) throws {
        let tokenizer = try ICUWordTokenizer()
        let fast = try bytes.withUnsafeBufferPointer { try tokenizer.words(in: $0) }
        let reference = try bytes.withUnsafeBufferPointer { try tokenizer.words(in: $0, icuOnly: true) }
        #expect(fast.count == reference.count, "\(name)")
        var differences = 0
        for (a, b) in zip(fast, reference) where a.start != b.start || a.end != b.end || a.folded != b.folded || a.bare != b.bare {
            differences += 1
        }
        #expect(differences == 0, "\(name): \(differences) words differ")
    }

    @Test func ownSampleWithEveryASCIIClass() throws {
        let text = "ABC abc Labour's O'Neill e.g. ISO-8859 x86_64 COVID-19 MiXeD 3.14 #tag @user ~tilde"
        try compare(Array(text.utf8), "sample")
    }

    @Test func realTexts() throws {
        guard let data = TestSupport.sharedData else {
            TestSupport.skip("../shared/data is absent")
            return
        }
        let files = [
            "parallel/udhr/udhr-eng.derived.txt", "parallel/udhr/udhr-ind.derived.txt", "parallel/udhr/udhr-sun.derived.txt",
            "parallel/nusax/nusax-mt-test-id-en-su.csv",
            "texts-id/perda-diy-6-2025-perdagangan-orang/perda-diy-6-2025.excerpt-pasal-1-11.md",
            "glossaries/panduan-pembakuan-istilah-komputer/senarai-padanan-istilah.en-id.derived.tsv",
            "lang-resources/sustem-sundanese/Dataset1.txt",
        ]
        for file in files {
            let url = data.appendingPathComponent(file)
            guard let contents = FileManager.default.contents(atPath: url.path) else { continue }
            try compare(Array(contents), file)
        }
    }

    @Test func benchmarkCorpusSample() throws {
        // The benchmark corpus, when it has been generated (Benchmarks/run.py), else a skip.
        let url = TestSupport.packageRoot.appendingPathComponent(".build-bench/data-100mb/corpus.txt")
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            TestSupport.skip("no benchmark corpus (run Benchmarks/run.py to generate one)")
            return
        }
        defer { try? handle.close() }
        var bytes = Array(handle.readData(ofLength: 4 << 20))
        // Cut at a character boundary.
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        try compare(bytes, "benchmark corpus")
    }
}
