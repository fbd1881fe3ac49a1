@_spi(Fuzzing) import GlossaryKit

/// What every glossary reader's target does with a glossary it read.
public enum GlossaryChecks {
    /// A glossary that was read writes as YAML that reads back, and writing that again gives the
    /// same text: the writer quotes whatever a reader let in. The glossary then compiles (or
    /// refuses with an error) and is linted.
    ///
    /// A reader lets a concept id defined twice through (`GlossaryLoader.load` and
    /// `GlossaryConverter` refuse it, as they see every file), so such a glossary skips the round
    /// trip; every id must still be one the YAML reader takes.
    public static func afterReading(_ glossary: Glossary, what: String) {
        for concept in glossary.concepts {
            Invariant.require(
                Concept.isValidID(concept.id), "\(what): concept id '\(concept.id)' is not one the YAML reader takes")
        }
        if Set(glossary.concepts.map(\.id)).count == glossary.concepts.count {
            expectYAMLRoundTrip(glossary, what: what)
        }
        if let compiled = try? CompiledGlossary(glossary) {
            _ = GlossaryChecker(compiled: compiled)
        }
        do {
            _ = try FuzzingEntryPoints.lint(glossary)
        } catch {
            Invariant.fail("no linter: \(error)")
        }
    }

    /// The YAML written for `glossary` reads back, and writing that again gives the same text.
    static func expectYAMLRoundTrip(_ glossary: Glossary, what: String) {
        let yaml = YAMLGlossaryWriter.string(from: glossary)
        let again: Glossary
        do {
            again = try YAMLGlossaryReader.read(yaml, path: "written.yml")
        } catch {
            Invariant.fail("\(what): the YAML written for a glossary that was read does not read back: \(error)\n\(yaml)")
        }
        let rewritten = YAMLGlossaryWriter.string(from: again)
        Invariant.require(rewritten == yaml, "\(what): YAML → read → YAML changed the text:\n\(yaml)\n----\n\(rewritten)")
    }
}
