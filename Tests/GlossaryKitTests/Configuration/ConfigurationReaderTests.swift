import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("Reading .glossary.yml")
struct ConfigurationReaderTests {
    let rules: Set<String> = ["deprecated-term", "inconsistent-term", "term-case"]

    func read(_ text: String) throws(InputError) -> Configuration {
        try ConfigurationReader.read(text, path: "/project/.glossary.yml", knownRules: rules)
    }

    func error(_ text: String) -> InputError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func fullExample() throws {
        let configuration = try read(
            """
            languages:
              "docs/id/**": id
              "*.su.md": su
            parallel:
              - "docs/{lang}/**"
            include: ["docs/**"]
            exclude: ["docs/archive/**"]
            rules:
              term-case: off
              inconsistent-term: info
            fail-on: error
            """)
        #expect(configuration.root == "/project")
        #expect(configuration.language(forPath: "/project/docs/id/a.md") == LanguageTag("id"))
        #expect(configuration.language(forPath: "/project/notes/b.su.md") == LanguageTag("su"))
        #expect(configuration.language(forPath: "/project/docs/en/a.md") == LanguageTag("en"), "from the parallel set")
        #expect(configuration.language(forPath: "/project/notes/c.md") == nil)
        #expect(configuration.parallelSets.map(\.pattern) == ["docs/{lang}/**"])
        #expect(configuration.includes("/project/docs/en/a.md"))
        #expect(!configuration.includes("/project/docs/archive/old.md"))
        #expect(!configuration.includes("/project/notes/c.md"))
        #expect(configuration.ruleSettings["term-case"] == .off)
        #expect(configuration.ruleSettings["inconsistent-term"] == .severity(.info))
        #expect(configuration.failOn == .error)
    }

    @Test func glossaryPathsAreResolvedAndMustExist() throws {
        let root = TestScratch.url("config")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("glossary"), withIntermediateDirectories: true)
        let path = root.appendingPathComponent(".glossary.yml").path
        let configuration = try ConfigurationReader.read("glossary: glossary/\n", path: path, knownRules: rules)
        #expect(configuration.glossaries == [root.appendingPathComponent("glossary").path])
        do {
            _ = try ConfigurationReader.read("glossary:\n  - glossary/\n  - missing.yml\n", path: path, knownRules: rules)
            Issue.record("a missing glossary was accepted")
        } catch {
            #expect(error.location?.line == 3 && error.location?.column == 5)
            #expect(error.message.hasPrefix("no such glossary file or folder"))
        }
    }

    @Test func parallelDocumentsAreGroupedBySet() throws {
        let configuration = try read("parallel: [\"docs/{lang}/**\", \"book/*.{lang}.md\"]\n")
        let groups = configuration.parallelDocuments([
            "/project/docs/id/a.md", "/project/docs/en/a.md", "/project/docs/en/b.md",
            "/project/book/intro.su.md", "/project/book/intro.en.md", "/project/notes.md",
        ])
        #expect(
            groups.map { $0.map(\.path) } == [
                ["/project/docs/id/a.md", "/project/docs/en/a.md"],
                ["/project/book/intro.su.md", "/project/book/intro.en.md"],
            ])
        #expect(groups.first?.map(\.language) == [LanguageTag("id")!, LanguageTag("en")!])
    }

    @Test func emptyFileIsTheDefault() throws {
        let configuration = try read("# nothing yet\n")
        #expect(configuration.glossaries.isEmpty && configuration.failOn == nil)
    }

    @Test func unknownKeyIsAnErrorWithLineColumnAndSuggestion() {
        let failure = error("fail-on: info\nfail_on: error\n")
        #expect(failure?.location == SourceLocation(file: "/project/.glossary.yml", line: 2, column: 1))
        #expect(failure?.message.hasPrefix("unknown key 'fail_on' in the configuration; did you mean 'fail-on'?") == true)
        #expect(failure?.description.contains("fail_on: error\n^") == true)
    }

    @Test func unknownRuleAndSeverityArePositioned() {
        let rule = error("rules:\n  deprecated-terms: warning\n")
        #expect(rule?.location?.line == 2 && rule?.location?.column == 3)
        #expect(rule?.message.contains("did you mean 'deprecated-term'?") == true)
        let severity = error("rules:\n  term-case: loud\n")
        #expect(severity?.location?.line == 2 && severity?.location?.column == 14)
        #expect(severity?.message == "unknown severity 'loud' for rule 'term-case' (use off, info, warning or error)")
        let failOn = error("fail-on: never\n")
        #expect(failOn?.location?.line == 1 && failOn?.location?.column == 10)
    }

    @Test func badPatternsAndLanguagesArePositioned() {
        let pattern = error("include:\n  - \"docs/{id\"\n")
        #expect(pattern?.location?.line == 2)
        #expect(pattern?.location?.column == 11, "at the unclosed brace, inside the quotes")
        #expect(pattern?.message.contains("'{' is not closed") == true)
        let language = error("languages:\n  \"docs/**\": not a tag\n")
        #expect(language?.location?.line == 2 && language?.location?.column == 14)
        let parallel = error("parallel: [\"docs/**\"]\n")
        #expect(parallel?.message.contains("{lang}") == true)
    }

    @Test func wrongShapesAndYAMLErrorsArePositioned() {
        #expect(error("- a\n- b\n")?.location?.line == 1)
        #expect(error("languages: [id]\n")?.message.hasPrefix("expected a mapping of path patterns") == true)
        let yaml = error("glossary: [a\nrules: x\n")
        #expect(yaml?.message.hasPrefix("invalid YAML") == true)
        #expect(yaml?.location != nil)
        #expect(error("fail-on: error\nfail-on: info\n")?.location?.line == 2)
    }

    @Test func discoveryFindsTheNearestFile() throws {
        let root = TestScratch.url("config")
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        #expect(Configuration.discover(from: deep.path) == nil || !Configuration.discover(from: deep.path)!.hasPrefix(root.path))
        try "fail-on: info\n".write(to: root.appendingPathComponent(".glossary.yml"), atomically: true, encoding: .utf8)
        #expect(Configuration.discover(from: deep.path) == root.appendingPathComponent(".glossary.yml").path)
    }
}
