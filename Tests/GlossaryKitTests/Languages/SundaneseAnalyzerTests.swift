import Testing

@testable import GlossaryKit

/// Sundanese: -na, -nana and -ana, reduplication, the plural infix, accents and older spellings.
@Suite("Sundanese analyzer")
struct SundaneseAnalyzerTests {
    func found(_ text: String) throws -> [String] { try MorphologyFixture.found(text, .sundanese) }

    @Test func possessiveNa() throws {
        #expect(try found("pekerja migranna balik") == ["migrant-worker=pekerja migranna"])
        #expect(try found("korbanna") == ["victim=korbanna"])
        #expect(try found("pagawéna") == ["worker=pagawéna"])
        #expect(try MorphologyFixture.single("Korbanna", .sundanese)?.explanation == "'Korban' + -na")
    }

    @Test func anaAfterNAndNana() throws {
        let destination = try #require(try MorphologyFixture.single("nagara tujuanana", .sundanese))
        #expect(destination.phenomena == [.clitic])
        #expect(destination.explanation == "'tujuan' + -ana")
        #expect(try found("korbannana") == ["victim=korbannana"])
        // -ana only after n: "jalmana" is jalma + -na, never "jalm" + -ana.
        let readings = try MorphologyFixture.readings(of: "jalmana", .sundanese).map(\.key)
        #expect(readings.contains("jalma") && !readings.contains("jalm"))
    }

    @Test func hyphenatedNaAfterAcronyms() throws {
        #expect(try found("TKI-na indit") == ["migrant-worker=TKI-na"])
        #expect(try found("laporan ILO-na") == ["ilo=ILO-na"])
    }

    @Test func naJoinedToAnAcronym() throws {
        let match = try #require(try MorphologyFixture.single("Lamun TKIna teu boga kontrak", .sundanese))
        #expect(match.phenomena == [.clitic])
        #expect(match.explanation == "'TKI' + -na")
        #expect(try found("laporan ILOna") == ["ilo=ILOna"])
        #expect(try found("TKINA DITAHAN DI BANDARA") == ["migrant-worker=TKINA"])
        #expect(try found("grup wa ngabahas tkina") == [])
        #expect(try found("Tkina mulang") == [])
    }

    @Test(arguments: ["kana", "dina", "tina", "mana", "rencana", "sarana", "warna", "guna"])
    func wordsEndingInNaAreNotSplit(_ word: String) throws {
        #expect(try MorphologyFixture.readings(of: word, .sundanese).allSatisfy { !$0.phenomena.contains(.clitic) })
    }

    @Test func reduplication() throws {
        #expect(try found("pagawé-pagawé") == ["worker=pagawé-pagawé"])
        #expect(try found("hak-hak pagawé") == ["labour-rights=hak-hak pagawé"])
        #expect(try found("korban2") == ["victim=korban2"])
        let both = try #require(try MorphologyFixture.single("pagawé-pagawéna", .sundanese))
        #expect(Set(both.phenomena) == [.reduplication, .clitic])
    }

    @Test func reduplicationWrittenWithASpace() throws {
        #expect(try found("pagawé pagawé pabrik") == ["worker=pagawé pagawé"])
        #expect(try found("hak hak pagawé") == ["labour-rights=hak hak pagawé"])
        #expect(try found("pagawé\npagawé") == ["worker=pagawé", "worker=pagawé"])
    }

    /// A detached *na* is its own word: the clitic written apart (*TKI na geus mulang*) or the
    /// preposition *na* (= *dina*, in: *TKI na kapal*), which cannot be told apart without the
    /// sentence's syntax. The term before it is found; the *na* stays outside the occurrence,
    /// and a fix replaces the term alone.
    @Test func aDetachedNaIsLeftOutsideTheOccurrence() throws {
        #expect(try found("TKI na geus mulang") == ["migrant-worker=TKI"])
        #expect(try found("TKI na kapal éta") == ["migrant-worker=TKI"])
        #expect(try found("pekerja migran na mulang") == ["migrant-worker=pekerja migran"])
        #expect(try found("pagawé na kabur") == ["worker=pagawé"])
        #expect(try found("na") == [])
        let finding = try #require(
            try TestSupport.findings("TKI na geus mulang.", language: .sundanese)
                .first { $0.rule == "deprecated-term" })
        #expect(finding.byteRange == 0..<3 && finding.fix == "Pekerja migran")
    }

    @Test func aReduplicatedAcronymIsOneOccurrence() throws {
        #expect(try found("TKI-TKI nu dideportasi") == ["migrant-worker=TKI-TKI"])
        let withClitic = try #require(try MorphologyFixture.single("Kabéh TKI-TKIna indit", .sundanese))
        #expect(Set(withClitic.phenomena) == [.reduplication, .clitic])
        #expect(try found("Loba TKI-TKIan") == [])
    }

    @Test func pluralInfixOnEveryWordOfEveryTerm() throws {
        let workers = try #require(try MorphologyFixture.single("paragawé", .sundanese))
        #expect(workers.phenomena == [.pluralInfix])
        #expect(workers.explanation == "'pagawé' with plural infix -ar-")
        #expect(try found("barudak") == ["child=barudak"])
        #expect(try found("dalahar") == ["eating=dalahar"])
        #expect(try found("paragawéna") == ["worker=paragawéna"])
        // No term needs to opt in: "leutik" and "hak pagawé" do not.
        #expect(try found("laleutik") == ["small=laleutik"])
        #expect(try found("Hak paragawé kudu dijaga") == ["labour-rights=Hak paragawé"])
        #expect(try found("hak-hak paragawé") == ["labour-rights=hak-hak paragawé"])
        #expect(try found("Paragawe kantor") == ["worker=Paragawe"])
    }

    @Test func pluralInfixIsSundaneseOnly() throws {
        // An Indonesian paragraph does not read it, nor does an Indonesian term in a paragraph
        // of unknown language (the Sundanese analyzer reads every word there).
        #expect(try MorphologyFixture.found("paragawé", .indonesian) == [])
        let unknown = try TestSupport.matches("parekerja", language: nil, checker: MorphologyFixture.checker)
        #expect(unknown.isEmpty)
    }

    @Test(arguments: ["sarikat", "Sarikat", "barang", "kalawan", "paranti", "paréntah", "parentah", "lalaki"])
    func wordsThatOnlyLookInfixed(_ word: String) throws {
        #expect(try MorphologyFixture.readings(of: word, .sundanese).allSatisfy { !$0.phenomena.contains(.pluralInfix) })
        #expect(try found("\(word) éta") == [])
    }

    @Test func accentsFoldByDefault() throws {
        #expect(try found("pagawe") == ["worker=pagawe"])
        #expect(try found("pagawè") == ["worker=pagawè"])
        #expect(try found("pagawe\u{301}") == ["worker=pagawe\u{301}"])
        let folded = try #require(try MorphologyFixture.single("hak pagawe", .sundanese))
        #expect(folded.phenomena == [.accent])
    }

    @Test func olderSpellingsOfEu() throws {
        let old = try #require(try MorphologyFixture.single("gawé pöting", .sundanese))
        #expect(old.phenomena == [.spelling])
        #expect(try found("gawé pɨting") == ["night-work=gawé pɨting"])
        // "eu" typed as plain "e" is not guessed.
        #expect(try found("gawé peting") == [])
    }

    @Test func listedFormsAndDerivations() throws {
        let listed = try #require(try MorphologyFixture.single("pekerja migrant", .sundanese))
        #expect(listed.phenomena == [.listedForm])
        #expect(listed.explanation == "a form listed for 'pekerja migran'")
        #expect(try found("pagawéan") == [])
        #expect(try found("padagang jalma") == [])
    }
}
