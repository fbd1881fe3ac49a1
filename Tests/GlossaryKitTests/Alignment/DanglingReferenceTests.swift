import Testing

@testable import GlossaryKit

/// A translation set that names a text or segment the corpus does not have is a programming
/// error of the code that built it: checking stops at once with a message naming the set,
/// instead of an index out of range inside whichever rule reads the member first.
@Suite("Translation sets that refer to nothing")
struct DanglingReferenceTests {
    static func corpus(members: [SegmentReference]) -> TranslationCorpus {
        let file = SourceText(path: "u.txt", string: "hello\n")
        let text = SegmentedText(file: file, segments: [Segment(id: "1", language: .english, bytes: 0..<5)], format: "test")
        return TranslationCorpus(texts: [text], sets: [TranslationSet(id: "s", members: members, method: "manual")])
    }

    @Test func aSetOfExistingSegmentsIsChecked() throws {
        let checker = CrossLanguageChecker(compiled: try CompiledGlossary(Glossary()))
        _ = try checker.check(Self.corpus(members: [SegmentReference(text: 0, segment: 0)]))
    }

    @Test func aSetOfAMissingTextStops() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let checker = CrossLanguageChecker(compiled: try CompiledGlossary(Glossary()))
            _ = try checker.check(
                DanglingReferenceTests.corpus(members: [
                    SegmentReference(text: 0, segment: 0), SegmentReference(text: 1, segment: 0),
                ]))
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.contains("translation set 's' refers to segment 0 of text 1"), "\(message)")
    }

    @Test func aSetOfAMissingSegmentStops() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let checker = CrossLanguageChecker(compiled: try CompiledGlossary(Glossary()))
            _ = try checker.check(
                DanglingReferenceTests.corpus(members: [
                    SegmentReference(text: 0, segment: 0), SegmentReference(text: 0, segment: 3),
                ]))
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        #expect(message.contains("translation set 's' refers to segment 3 of text 0"), "\(message)")
    }
}
