import GlossaryKit

/// What every glossary reader's target does with a glossary it read.
public enum GlossaryChecks {
    /// The linter, made once (it holds a tokenizer); the targets run one input at a time.
    nonisolated(unsafe) private static let linter: GlossaryLinter = {
        do { return try GlossaryLinter() } catch { Invariant.fail("no linter: \(error)") }
    }()

    /// A glossary that was read writes as YAML that reads back, and writing that again gives the
    /// same text: the writer quotes whatever a reader let in. The glossary then compiles (or
    /// refuses with an error) and is linted.
    public static func afterReading(_ glossary: Glossary, what: String) {
        let yaml = YAMLGlossaryWriter.string(from: glossary)
        let again: Glossary
        do {
            again = try YAMLGlossaryReader.read(yaml, path: "written.yml")
        } catch {
            Invariant.fail("\(what): the YAML written for a glossary that was read does not read back: \(error)\n\(yaml)")
        }
        let rewritten = YAMLGlossaryWriter.string(from: again)
        Invariant.require(rewritten == yaml, "\(what): YAML → read → YAML changed the text:\n\(yaml)\n----\n\(rewritten)")
        if let compiled = try? CompiledGlossary(glossary) {
            _ = GlossaryChecker(compiled: compiled)
        }
        _ = linter.lint([GlossaryLinter.File(path: "fuzz", glossary: glossary)])
    }
}
