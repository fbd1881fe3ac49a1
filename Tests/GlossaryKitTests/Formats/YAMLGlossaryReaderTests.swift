import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("YAML glossary reader")
struct YAMLGlossaryReaderTests {
    func loadError(_ yaml: String) -> InputError? {
        do {
            _ = try YAMLGlossaryReader.read(yaml, path: "g.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test func readsConceptsTermsAndDefaults() throws {
        let glossary = try YAMLGlossaryReader.read(
            """
            name: Test
            required-languages: [id, en]
            concepts:
              - id: ilo
                definition: A UN agency.
                terms:
                  en:
                    - International Labour Organization
                    - term: ILO
                      type: acronym
                    - term: International Labor Organization
                      status: deprecated
                      note: Spelt Labour.
                  su:
                    - term: pagawé
                      plural-infix: true
                      match: exact
                      forms: [pagawe]
            """, path: "g.yml")
        #expect(glossary.name == "Test")
        #expect(glossary.requiredLanguages == [.indonesian, .english])
        let concept = try #require(glossary.concepts.first)
        #expect(concept.terms.count == 4)
        #expect(concept.terms[0].status == .preferred)
        #expect(concept.terms[0].isCaseSensitive == false)
        #expect(concept.terms[1].isCaseSensitive == true)
        #expect(concept.terms[2].note == "Spelt Labour.")
        #expect(
            concept.terms[3].allowsPluralInfix && concept.terms[3].matchMode == .exact && concept.terms[3].forms == ["pagawe"])
        #expect(concept.location == SourceLocation(file: "g.yml", line: 4, column: 5))
    }

    @Test func unknownStatusNamesLineAndColumn() throws {
        let error = try #require(
            loadError(
                """
                concepts:
                  - id: a
                    terms:
                      en:
                        - term: x
                          status: prefered
                """))
        #expect(error.location == SourceLocation(file: "g.yml", line: 6, column: 19))
        #expect(error.message.contains("unknown status 'prefered'"))
        #expect(error.description.hasSuffix("        status: prefered\n                  ^"))
    }

    @Test func duplicateConceptID() throws {
        let error = try #require(
            loadError(
                """
                concepts:
                  - id: a
                    terms: {en: [x]}
                  - id: a
                    terms: {en: [y]}
                """))
        #expect(error.location?.line == 4)
        #expect(error.message.contains("duplicate concept id 'a'"))
    }

    @Test func emptyTerm() throws {
        let error = try #require(
            loadError(
                """
                concepts:
                  - id: a
                    terms:
                      en:
                        - term: "  "
                """))
        #expect(error.location?.line == 5)
        #expect(error.message == "term is empty")
    }

    @Test func badLanguageTag() throws {
        let error = try #require(
            loadError(
                """
                concepts:
                  - id: a
                    terms:
                      english!: [x]
                """))
        #expect(error.location == SourceLocation(file: "g.yml", line: 4, column: 7))
        #expect(error.message.contains("not a valid BCP 47 language tag"))
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let error = try #require(
            loadError(
                """
                concepts:
                  - id: a
                    defintion: typo
                    terms: {en: [x]}
                """))
        #expect(error.location?.line == 3)
        #expect(error.message.contains("unknown key 'defintion'"))
        #expect(error.message.contains("did you mean 'definition'"))
    }

    @Test func invalidYAMLSyntax() throws {
        let error = try #require(loadError("concepts:\n  - id: [unclosed\n"))
        #expect(error.location != nil)
        #expect(error.message.hasPrefix("invalid YAML"))
    }

    @Test func missingConcepts() throws {
        #expect(loadError("name: x\n")?.message == "a glossary file needs a 'concepts' list")
    }

    @Test func languageTagsCanonicalise() {
        #expect(LanguageTag("EN_gb")?.rawValue == "en-GB")
        #expect(LanguageTag("zh-hant-tw")?.rawValue == "zh-Hant-TW")
        #expect(LanguageTag("e") == nil)
        #expect(LanguageTag("en-") == nil)
    }

    @Test func loaderRejectsDuplicateIDsAcrossFiles() throws {
        let folder = TestScratch.url("dup")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "concepts:\n  - id: a\n    terms: {en: [x]}\n".write(
            to: folder.appendingPathComponent("a.yml"), atomically: true, encoding: .utf8)
        try "concepts:\n  - id: b\n    terms: {en: [y]}\n  - id: a\n    terms: {en: [z]}\n".write(
            to: folder.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        #expect {
            try GlossaryLoader.load(paths: [folder.path])
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.location?.file.hasSuffix("b.yml") == true && error.location?.line == 4
                && error.message.contains("first defined at") && error.message.contains("a.yml:2:5")
        }
    }

    @Test func projectGlossaryLoads() throws {
        let glossary = try GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("glossary").path])
        #expect(glossary.concepts.count >= 25)
        for concept in glossary.concepts {
            #expect(Set(concept.languages).isSuperset(of: [.indonesian, .english, .sundanese]), "\(concept.id)")
        }
    }

    @Test func duplicateKeysNameTheSecondKey() throws {
        let cases: [(yaml: String, key: String, line: Int, column: Int)] = [
            ("name: a\nname: b\nconcepts: []\n", "name", 2, 1),
            ("concepts:\n  - id: a\n    id: b\n    terms:\n      en: [x]\n", "id", 3, 5),
            ("concepts:\n  - id: a\n    terms:\n      en: [x]\n      id: [y]\n      en: [z]\n", "en", 6, 7),
            ("concepts:\n  - id: a\n    properties:\n      k: 1\n      k: 2\n    terms:\n      en: [x]\n", "k", 5, 7),
            // A key of the same name in a nested mapping before the duplicate is not taken for it.
            (
                "concepts:\n  - id: a\n    terms:\n      en:\n        - term: x\n          note: n\n    note: m\n    note: o\n",
                "note", 8, 5
            ),
            // Lines that libyaml ends at CR, CR LF, NEL, LS or PS (the tool counts lines at LF only).
            ("concepts:\r  - id: a\r    note: x\r    note: y\r    terms:\r      en: [a]\r", "note", 1, 37),
            ("concepts:\r\n  - id: a\r\n    note: x\r\n    note: y\r\n", "note", 4, 5),
            ("concepts:\u{2028}  - id: a\u{2028}    note: x\u{2029}    note: y\n", "note", 1, 37),
            ("concepts:\n  - id: a\u{85}    note: x\u{85}    note: y\n", "note", 2, 27),
            // Keys in a flow mapping, quoted keys and a third occurrence.
            ("concepts:\n  - {id: a, note: x, note: y}\n", "note", 2, 22),
            ("concepts:\n  - id: a\n    \"note\": x\n    'note': y\n", "note", 4, 5),
            ("concepts:\n  - id: a\n    note: x\n    note: y\n    note: z\n", "note", 4, 5),
            // A duplicate in a later mapping does not hide where the first one is.
            ("concepts:\n  - id: a\n    note: x\n    note: y\n  - id: b\n    id: c\n", "note", 4, 5),
            // The second occurrence at another indentation than a same-named key elsewhere.
            (
                "concepts:\n  - id: a\n    terms: {en: [x]}\n    note: x\n  - {id: b, note: y, terms: {en: [y]}, note: z}\n",
                "note", 5, 40
            ),
        ]
        for (yaml, key, line, column) in cases {
            let error = try #require(loadError(yaml), "\(yaml)")
            #expect(error.message == "duplicate key '\(key)' in YAML", "\(yaml)")
            #expect(error.location == SourceLocation(file: "g.yml", line: line, column: column), "\(yaml)")
            #expect(error.description.hasPrefix("g.yml:\(line):\(column): error: duplicate key"), "\(yaml)")
        }
    }
}
