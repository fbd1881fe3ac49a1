import Foundation
import Testing

@testable import GlossaryKit

/// YAML aliases repeat a node without repeating its text: a short file can stand for millions of
/// nodes. Every YAML the tool reads (glossaries, `.glossary.yml`, baselines) is refused when its
/// aliases would expand it beyond the limit, at the alias that crosses it.
@Suite("YAML aliases and reader errors")
struct YAMLAliasTests {
    /// A glossary whose `concepts` concepts each alias one list of `terms` terms.
    static func aliasedGlossary(concepts: Int, terms: Int) -> String {
        var yaml = "name: aliases\nconcepts:\n  - id: c0\n    terms:\n      en: &terms\n"
        for index in 0..<terms { yaml += "        - t\(index)\n" }
        for index in 1..<concepts { yaml += "  - id: c\(index)\n    terms:\n      en: *terms\n" }
        return yaml
    }

    func readError(_ yaml: String, path: String = "g.yml") -> InputError? {
        do {
            _ = try YAMLGlossaryReader.read(yaml, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aGlossaryWithinTheLimitReadsItsAliases() throws {
        let glossary = try YAMLGlossaryReader.read(Self.aliasedGlossary(concepts: 50, terms: 20), path: "g.yml")
        #expect(glossary.concepts.count == 50)
        #expect(glossary.concepts.allSatisfy { $0.terms.count == 20 })
    }

    @Test func aliasesThatMultiplyAGlossaryAreRefusedAtTheAlias() throws {
        // 1,200 concepts alias one 1,000-term list: 1.2 million nodes from 40 KB.
        let yaml = Self.aliasedGlossary(concepts: 1200, terms: 1000)
        let error = try #require(readError(yaml))
        #expect(error.message.contains("aliases"), "\(error)")
        let location = try #require(error.location)
        let line = try #require(InputError.line(location.line, of: yaml))
        // The alias of the concept at which the expansion passes 1,000,000 nodes.
        #expect(line == "      en: *terms")
        #expect(location.column == 11)
        #expect(location.line > 1000 + 3 * 900 && location.line < 1000 + 3 * 1100)
    }

    @Test func aliasedMappingKeysCannotMultiplyTheWork() throws {
        // Each level aliases the previous one ten times; the composer hashes a mapping's keys,
        // so a key that is an alias of the last level would be walked ten million times over.
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        let levels = Array("abcdefg")
        for (previous, level) in zip(levels, levels.dropFirst()) {
            yaml += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "? *g\n: 1\nconcepts: []\n"
        let error = try #require(readError(yaml))
        let location = try #require(error.location)
        // f is 1,111,111 nodes: the alias of e that crosses the limit is in f's list.
        #expect(location.line == 6, "\(error)")
        let line = try #require(InputError.line(location.line, of: yaml))
        #expect(line.unicodeScalars.dropFirst(location.column - 1).starts(with: "*e".unicodeScalars))
    }

    @Test func theConfigurationAndTheBaselineHaveTheSameLimit() throws {
        var yaml = "include: &p [" + Array(repeating: "\"*.md\"", count: 1000).joined(separator: ", ") + "]\nexclude: &q ["
        yaml += Array(repeating: "*p", count: 1001).joined(separator: ", ") + "]\n"
        let configurationError = #expect(throws: InputError.self) {
            try ConfigurationReader.read(yaml, path: ".glossary.yml", knownRules: [])
        }
        #expect(configurationError?.message.contains("aliases") == true, "\(String(describing: configurationError))")
        #expect(configurationError?.location?.line == 2)
        let baseline =
            "{\"version\": 1, \"a\": &a [" + Array(repeating: "1", count: 1000).joined(separator: ", ")
            + "], \"findings\": [" + Array(repeating: "*a", count: 1001).joined(separator: ", ") + "]}"
        let baselineError = #expect(throws: InputError.self) { try Baseline.read(baseline, path: "baseline.json") }
        #expect(baselineError?.message.contains("aliases") == true, "\(String(describing: baselineError))")
    }

    @Test func aliasLookalikesInTextAreNotAliases() throws {
        // A star at the start of a word in a note, a quoted string and a block are text.
        let glossary = try YAMLGlossaryReader.read(
            """
            concepts:
              - id: a
                note: "see *terms and *a"
                definition: >
                  *emphasis* in a folded block,
                  *more
                terms:
                  en: [x *y]
            """, path: "g.yml")
        #expect(glossary.concepts.first?.terms.first?.text == "x *y")
        #expect(glossary.concepts.first?.note == "see *terms and *a")
        #expect(glossary.concepts.first?.definition?.hasPrefix("*emphasis*") == true)
        #expect(readError("concepts:\n  - id: a\n    terms:\n      en: [*x]\n")?.message.contains("undefined alias") == true)
    }

    // MARK: - Work

    /// The nodes composed and walked for `yaml`, with an expansion allowance of nothing beyond
    /// twice the written nodes, so that the bound shows on small inputs.
    func work(_ yaml: String) -> Int {
        var steps = 0
        _ = try? YAMLDocument.compose(yaml, path: "g.yml", what: "YAML", minimumNodeLimit: 0, steps: &steps)
        return steps
    }

    @Test func workGrowsLinearlyWithTheText() {
        // Doubling both the list and the number of concepts that alias it quadruples the
        // expanded glossary; the work must only double.
        let small = work(Self.aliasedGlossary(concepts: 100, terms: 100))
        let large = work(Self.aliasedGlossary(concepts: 200, terms: 200))
        #expect(Double(large) / Double(small) <= 2.5, "\(small) → \(large)")
        // Nested aliases: one more level multiplies the expansion by ten, the text by 1.2.
        func nested(_ levels: Int) -> String {
            var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
            for level in 1..<levels {
                yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
            return yaml
        }
        let five = work(nested(5)), ten = work(nested(10))
        #expect(Double(ten) / Double(five) <= 2.5, "\(five) → \(ten)")
    }

    // MARK: - Reader errors

    @Test func aControlCharacterIsReportedAtItsLineAndColumn() throws {
        let yaml = "concepts:\n  - id: a\n    note: bell \u{07} here\n"
        let error = try #require(readError(yaml))
        #expect(error.location == SourceLocation(file: "g.yml", line: 3, column: 16), "\(error)")
        #expect(error.message.contains("control characters"))
        #expect(error.message.contains("U+0007"))
        #expect(!error.message.contains("byte"))
        #expect(error.sourceLine == "    note: bell \u{07} here")
        // The same for the configuration.
        #expect(throws: InputError.self) {
            try ConfigurationReader.read("fail-on: \u{01}", path: ".glossary.yml", knownRules: [])
        }
        do {
            _ = try ConfigurationReader.read("fail-on: error\ninclude: [\"a\u{01}\"]", path: ".glossary.yml", knownRules: [])
        } catch {
            #expect(error.location == SourceLocation(file: ".glossary.yml", line: 2, column: 13), "\(error)")
        }
    }

    @Test func positionsCountCharactersAfterNonASCIIText() throws {
        let yaml = "concepts:\n  - id: a\n    note: pagawéan é \u{1B}\n"
        let error = try #require(readError(yaml))
        #expect(error.location == SourceLocation(file: "g.yml", line: 3, column: 22), "\(error)")
    }
}
