import Testing

@testable import GlossaryKit

/// YAML errors are positioned as every other position of the tool: lines end at LF, columns
/// count Unicode scalars, and a position is always on a line the file has. libyaml also ends
/// lines at CR, NEL, LS and PS, and puts the end of an unterminated last line on the line after
/// it; found by the YAML glossary and configuration fuzz targets.
@Suite("YAML error positions")
struct YAMLPositionTests {
    func glossaryError(_ yaml: String) -> InputError? {
        do {
            _ = try YAMLGlossaryReader.read(yaml, path: "g.yml")
            return nil
        } catch {
            return error
        }
    }

    func configurationError(_ yaml: String) -> InputError? {
        do {
            _ = try ConfigurationReader.read(yaml, path: "/project/.glossary.yml", knownRules: ["term-case"])
            return nil
        } catch {
            return error
        }
    }

    /// Bytes that are not UTF-8 are an error at their line and column (scalars before them on
    /// the line), with the line shown, for every file read as text: glossaries, configuration.
    @Test func invalidUTF8IsReportedAtItsLineAndColumn() throws {
        let bytes = Array("concepts:\n  - id: x\n    terms:\n      en:\n        - \"pé".utf8) + [0xFF] + Array("b\"\n".utf8)
        let error = try #require(
            { () -> InputError? in
                do throws(InputError) {
                    _ = try InputFile.text(bytes, path: "g.yml")
                    return nil
                } catch { return error }
            }())
        #expect(error.location == SourceLocation(file: "g.yml", line: 5, column: 14), "\(error)")
        #expect(error.message == "invalid UTF-8 (byte 0xFF); save the file as UTF-8")
        #expect(error.sourceLine == "        - \"pé\u{FFFD}b\"", "\(String(describing: error.sourceLine))")
    }

    @Test func anUnclosedCollectionAtTheEndOfTheFileIsReportedOnItsLastLine() throws {
        let glossary = try #require(glossaryError("concepts:\n  - id: x\n    terms: {en: [a, b"))
        #expect(glossary.location?.line == 3)
        #expect(glossary.location?.column == 22, "just past the last character")
        #expect(glossary.description.hasSuffix("    terms: {en: [a, b\n                     ^"))
        let configuration = try #require(configurationError("include: [\"*.md\""))
        #expect(configuration.location?.line == 1)
        #expect(configuration.location?.column == 17)
        // With the final line break, the end of the text is the start of the (empty) next line.
        #expect(glossaryError("concepts: [\n")?.location.map { ($0.line, $0.column) } ?? (0, 0) == (2, 1))
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func aLineBreakOnlyYAMLKnowsDoesNotMoveLaterErrors(_ separator: String) throws {
        let glossary = try #require(
            glossaryError(
                """
                concepts:
                  - id: a
                    note: "one\(separator)two"
                    terms:
                      en:
                        - term: x
                          status: prefered
                """))
        #expect(glossary.location == SourceLocation(file: "g.yml", line: 7, column: 19))
        #expect(glossary.description.hasSuffix("        status: prefered\n                  ^"))
        // On the line of the separator, columns go on counting past it.
        let sameLine = try #require(
            glossaryError("concepts:\n  - {id: a, note: \"x\(separator)y\", terms: {en: [{term: z, status: bad}]}}\n"))
        #expect(sameLine.location?.line == 2)
        #expect(sameLine.location?.column == 57)
        let configuration = try #require(configurationError("include: [\"a\(separator)b\"]\nfail_on: error\n"))
        #expect(configuration.location == SourceLocation(file: "/project/.glossary.yml", line: 2, column: 1))
    }

    @Test func aCarriageReturnAloneIsNoLineBreak() throws {
        let error = try #require(configurationError("# a comment\rfail_on: error\n"))
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 13)
    }

    @Test func windowsLineEndingsKeepTheirPositions() throws {
        let error = try #require(configurationError("fail-on: info\r\nfail_on: error\r\n"))
        #expect(error.location == SourceLocation(file: "/project/.glossary.yml", line: 2, column: 1))
        let glossary = try #require(glossaryError("concepts:\r\n  - id: a\r\n    terms: {en: [{term: x, status: bad}]}\r\n"))
        #expect(glossary.location?.line == 3)
        #expect(glossary.location?.column == 36)
    }
}
