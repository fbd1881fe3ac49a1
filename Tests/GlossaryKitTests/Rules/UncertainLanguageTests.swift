import Foundation
import Testing

@testable import GlossaryKit

/// What the rules report on a paragraph whose language is uncertain (issue 15, item 11): a
/// deprecated term of any language, but no comparison across languages and no term of another
/// language that is good usage in the paragraph's likely one.
@Suite("Rules on paragraphs of uncertain language")
struct UncertainLanguageTests {
    static let yaml = """
        concepts:
          - id: migrant-worker
            terms:
              en:
                - migrant worker
                - term: guest worker
                  status: deprecated
              id:
                - pekerja migran
                - term: TKI
                  type: acronym
                  status: deprecated
              su:
                - pekerja migran
          - id: recruitment-broker
            terms:
              en:
                - recruitment broker
                - term: middleman
                  status: deprecated
              id:
                - calo
                - term: sponsor
                  status: admitted
          - id: child-labour
            terms:
              id:
                - pekerja anak
              su:
                - pekerja anak
                - term: buruh budak
                  status: admitted
          - id: labour-trafficking
            terms:
              su:
                - padagangan tanaga gawé
                - term: perdagangan tenaga kerja
                  status: deprecated
              id:
                - perdagangan tenaga kerja
              en:
                - labour trafficking
          - id: domestic-worker
            terms:
              id:
                - pekerja rumah tangga
                - term: ART
                  type: acronym
                  status: admitted
        """

    static let checker = try! GlossaryChecker(glossary: YAMLGlossaryReader.read(yaml, path: "uncertain.yml"))

    /// The findings on `text`, checked with its languages detected, as `rule: text`.
    static func findings(_ text: String, checker: GlossaryChecker = checker) throws -> [Finding] {
        try checker.check(SourceText(path: "text.txt", string: text))
    }

    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule): \($0.text)" }
    }

    /// The report, with the starter glossary `glossary init` writes: the short English
    /// paragraph after an Indonesian one was taken for Indonesian, and its deprecated term was
    /// silent. The same sentence alone was reported.
    @Test func theStarterGlossaryReportsTheGuestWorkersAfterAnIndonesianParagraph() throws {
        let starter = try GlossaryChecker(
            glossary: YAMLGlossaryReader.read(StarterFiles.glossary, path: StarterFiles.glossaryPath))
        let findings = try Self.findings("Para TKI sudah pulang.\n\nThe guest workers left early.\n", checker: starter)
        #expect(Self.summary(findings) == ["deprecated-term: TKI", "deprecated-term: guest workers"])
        let guest = try #require(findings.last)
        #expect(guest.language == .english && guest.languageIsUncertain)
        #expect(guest.message.hasSuffix("(en term; the language of this paragraph is uncertain)"))
        #expect(guest.location.line == 3)
        // The Indonesian paragraph decides its language: its finding is as before.
        #expect(findings[0].language == .indonesian && !findings[0].languageIsUncertain)
        #expect(!findings[0].message.contains("uncertain"))
        let alone = try Self.findings("The guest workers left early.\n", checker: starter)
        #expect(Self.summary(alone) == ["deprecated-term: guest workers"])
    }

    /// Without a single word of its own language, a short paragraph takes its section's
    /// language; its other languages' deprecated terms are still reported.
    @Test func aDeprecatedTermOfAnyLanguageIsReportedOnAnUncertainParagraph() throws {
        let english = try Self.findings("Para pekerja migran sudah pulang ke desa.\n\nguest workers\n")
        #expect(Self.summary(english) == ["deprecated-term: guest workers"])
        #expect(english.first?.language == .english && english.first?.languageIsUncertain == true)
        let indonesian = try Self.findings("The migrant workers came home early from the farm.\n\nTKI pulang\n")
        #expect(Self.summary(indonesian) == ["deprecated-term: TKI"])
        #expect(indonesian.first?.language == .indonesian)
        // A heading in another language: *Middleman* is English whatever the section.
        #expect(
            Self.summary(try Self.findings("Para calo sudah pergi dari desa ini.\n\nMiddleman\n")) == [
                "deprecated-term: Middleman"
            ])
    }

    /// A paragraph its own words decide keeps the rule of the monolingual checks: a term of
    /// another language in it is a gloss or a quotation, left to the cross-language rules.
    @Test func aCertainParagraphJudgesOnlyItsOwnLanguagesTerms() throws {
        let text = "Istilah guest worker sudah tidak dipakai dalam undang-undang ini.\n"
        let document = try Self.checker.analyze(SourceText(path: "text.txt", string: text))
        #expect(document.paragraphs.map(\.languageIsUncertain) == [false])
        #expect(document.matches.map(\.written) == ["guest worker"])
        #expect(document.matchesInPossibleLanguage.isEmpty)
        #expect(try Self.findings(text).isEmpty)
    }

    /// Indonesian *sponsor* (admitted for a recruitment broker) is an ordinary English word. In a
    /// short English paragraph among Indonesian ones it is found, but it is not compared with
    /// the Indonesian *calo*: naming a concept consistently is judged within one language.
    @Test func anotherLanguagesTermIsNotComparedWithTheDocumentsNames() throws {
        let text =
            "Para calo itu datang dari desa yang sama.\n\nOur sponsor: Bank Jabar.\n\nCalo itu sudah pergi dari desa ini.\n"
        let document = try Self.checker.analyze(SourceText(path: "text.txt", string: text))
        #expect(document.paragraphs.map(\.language) == [.indonesian, .english, .indonesian])
        #expect(document.paragraphs.map(\.languageIsUncertain) == [false, true, false])
        #expect(document.matches.map(\.written) == ["calo", "sponsor", "Calo"])
        #expect(document.matchesInParagraphLanguage.map(\.written) == ["calo", "Calo"])
        #expect(document.matchesInPossibleLanguage.map(\.written) == ["calo", "sponsor", "Calo"])
        #expect(try Self.findings(text).isEmpty)
        // In an Indonesian paragraph the same word is the Indonesian term, and is compared.
        let indonesian = "Para calo itu datang dari desa yang sama.\n\nSponsor itu sudah pergi dari desa ini.\n"
        #expect(Self.summary(try Self.findings(indonesian)) == ["inconsistent-term: Sponsor"])
    }

    /// Sundanese *buruh budak* (child labour, admitted) reads in Indonesian as "slave labourers".
    @Test func aSundaneseTermInAnIndonesianParagraphIsNotCompared() throws {
        let text =
            "Pekerja anak téh loba di lembur ieu.\n\nNasib buruh budak yang malang.\n\nPekerja anak kudu dibela ku urang.\n"
        let document = try Self.checker.analyze(SourceText(path: "text.txt", string: text))
        #expect(document.paragraphs.map(\.language) == [.sundanese, .indonesian, .sundanese])
        #expect(document.matches.map(\.written).contains("buruh budak"))
        #expect(try Self.findings(text).isEmpty)
        // In a Sundanese paragraph it is the Sundanese term, a second name for the concept.
        let sundanese =
            "Pekerja anak téh loba di lembur ieu.\n\nBuruh budak téh aya di lembur ieu.\n\nPekerja anak kudu dibela ku urang.\n"
        #expect(Self.summary(try Self.findings(sundanese)) == ["inconsistent-term: Buruh budak"])
    }

    /// Sundanese deprecates *perdagangan tenaga kerja*, the Indonesian preferred term. In a
    /// short paragraph taken for English, a term of neither likely language, the words are
    /// good Indonesian and nothing is reported; in one taken for Sundanese they are the
    /// Indonesian term left untranslated, as in a Sundanese paragraph its words decide.
    @Test func aDeprecatedTermGoodInAThirdLanguageIsNotReportedOnAnUncertainParagraph() throws {
        let english = "The workers came home from the farm early.\n\nPerdagangan tenaga kerja\n"
        let document = try Self.checker.analyze(SourceText(path: "text.txt", string: english))
        #expect(document.paragraphs.map(\.language) == [.english, .english])
        #expect(document.paragraphs.map(\.languageIsUncertain) == [false, true])
        let match = try #require(document.matches.first)
        // The Sundanese term wins the tie between two terms of languages the paragraph is not
        // likely in (the glossary lists it first); only the rule keeps it silent.
        #expect(document.glossary[term: match.term].language == .sundanese)
        #expect(match.alternatives.map { document.glossary[term: $0].language }.contains(.indonesian))
        #expect(try Self.findings(english).isEmpty)
        let sundanese = "Ieu téh carita ti lembur.\n\nPerdagangan tenaga kerja téh\n"
        let found = try Self.findings(sundanese)
        #expect(Self.summary(found) == ["deprecated-term: Perdagangan tenaga kerja"])
        #expect(found.first?.languageIsUncertain == true)
        let certain = "Ieu téh carita ti lembur.\n\nPerdagangan tenaga kerja téh aya di lembur ieu.\n"
        #expect(Self.summary(try Self.findings(certain)) == ["deprecated-term: Perdagangan tenaga kerja"])
        #expect(try Self.findings(certain).first?.languageIsUncertain == false)
    }

    /// A case-sensitive term of another language written in mixed case is most likely another
    /// word (*Art* is not Indonesian *ART*): the case rule stays within the paragraph's language.
    @Test func theCaseRuleStaysWithinTheParagraphsLikelyLanguage() throws {
        #expect(try Self.findings("Para pekerja rumah tangga sudah pulang ke desa.\n\nArt night for all\n").isEmpty)
        let indonesian = "Para pekerja rumah tangga dan Art sudah pulang ke desa.\n"
        #expect(Self.summary(try Self.findings(indonesian)) == ["term-case: Art"])
    }
}
