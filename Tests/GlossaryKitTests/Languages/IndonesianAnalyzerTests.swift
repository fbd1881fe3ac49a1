import Testing

@testable import GlossaryKit

/// Indonesian: clitics, hyphenated clitics, reduplication, spellings, and no derivations.
@Suite("Indonesian analyzer")
struct IndonesianAnalyzerTests {
    func found(_ text: String) throws -> [String] { try MorphologyFixture.found(text, .indonesian) }

    @Test(arguments: ["nya", "lah", "kah", "pun", "ku", "mu", "nyalah", "kupun"])
    func cliticsOnTheLastWord(_ clitic: String) throws {
        let match = try #require(try MorphologyFixture.single("para korban\(clitic) datang", .indonesian))
        #expect(match.phenomena == [.clitic])
        #expect(match.explanation == "'korban' + -\(clitic)")
        #expect(try found("perdagangan tenaga kerja\(clitic)") == ["labour-trafficking=perdagangan tenaga kerja\(clitic)"])
    }

    @Test func cliticsAreNotReadInsideATerm() throws {
        // "pekerjanya migran" is not "pekerja migran" + -nya; only the worker is found.
        #expect(try found("pekerjanya migran") == ["worker=pekerjanya"])
        #expect(try found("perdagangannya orang") == [])
    }

    @Test func explanationsQuoteTheWordAsWritten() throws {
        #expect(try MorphologyFixture.single("Korbannya", .indonesian)?.explanation == "'Korban' + -nya")
        #expect(try MorphologyFixture.single("TKI-nya", .indonesian)?.explanation == "'TKI' + -nya")
    }

    @Test func hyphenatedCliticsAfterAcronymsAndNumbers() throws {
        #expect(try found("data ILO-nya lengkap") == ["ilo=ILO-nya"])
        #expect(try found("TKI-nya pulang") == ["migrant-worker=TKI-nya"])
        #expect(try found("hasil Pemilu 2019-nya") == ["election=Pemilu 2019-nya"])
        #expect(try found("dampak COVID-19-nya") == ["covid=COVID-19-nya"])
        let match = try #require(try MorphologyFixture.single("ILO-lah", .indonesian))
        #expect(match.phenomena == [.hyphenatedClitic])
    }

    @Test(arguments: ["nya", "ku", "mu", "lah", "kah", "nyalah"])
    func cliticsJoinedToAnAcronymInLowerCase(_ clitic: String) throws {
        let match = try #require(try MorphologyFixture.single("Kalau TKI\(clitic) pulang", .indonesian))
        #expect(match.phenomena == [.clitic])
        #expect(match.explanation == "'TKI' + -\(clitic)")
        #expect(match.suffix == clitic)
        #expect(!match.caseMismatch)
    }

    @Test func cliticsJoinedToAnAcronymInCapitalsOnlyInCapitals() throws {
        #expect(try found("TKINYA DITAHAN DI BANDARA") == ["migrant-worker=TKINYA"])
        #expect(try found("Data TKINYA belum ada") == [])
    }

    @Test(arguments: ["tkinya pulang", "Tkinya pulang", "TKINya pulang", "ARTINYA, PEMERINTAH TIDAK HADIR", "ILOnyaa"])
    func wordsThatOnlyBeginWithAnAcronym(_ text: String) throws {
        #expect(try found(text).filter { $0.hasPrefix("migrant-worker=") || $0.hasPrefix("ilo=") } == [])
    }

    @Test func reduplicationMarksThePlural() throws {
        #expect(try found("pekerja-pekerja migran") == ["migrant-worker=pekerja-pekerja migran"])
        #expect(try found("hak-hak pekerja") == ["labour-rights=hak-hak pekerja"])
        #expect(try found("hak - hak pekerja") == ["labour-rights=hak - hak pekerja"])
        #expect(try found("pekerja2 migran") == ["migrant-worker=pekerja2 migran"])
        let withClitic = try #require(try MorphologyFixture.single("korban-korbannya", .indonesian))
        #expect(Set(withClitic.phenomena) == [.reduplication, .clitic])
        #expect(try MorphologyFixture.single("Pekerja-pekerja migran", .indonesian)?.explanation == "'Pekerja' reduplicated")
    }

    @Test func aReduplicatedAcronymIsOneOccurrence() throws {
        let pair = try #require(try MorphologyFixture.single("TKI-TKI yang dideportasi", .indonesian))
        #expect(pair.phenomena == [.reduplication])
        #expect(pair.explanation == "'TKI' reduplicated")
        #expect(try found("TKI-TKI yang dideportasi") == ["migrant-worker=TKI-TKI"])
        #expect(try found("mengumpulkan TKI - TKI") == ["migrant-worker=TKI - TKI"])
        let withClitic = try #require(try MorphologyFixture.single("Semua TKI-TKInya berangkat", .indonesian))
        #expect(Set(withClitic.phenomena) == [.reduplication, .clitic])
    }

    @Test(arguments: [
        ("TKI-tki", ["migrant-worker=TKI"]), ("TKI TKI", ["migrant-worker=TKI", "migrant-worker=TKI"]),
        ("TKI2 pulang", []), ("Tki-Tki pulang", ["migrant-worker=Tki", "migrant-worker=Tki"]),
    ])
    func acronymsReduplicatedOnlyWithAHyphenAndInTheirCase(_ text: String, _ expected: [String]) throws {
        let matches = try TestSupport.matches(text, language: .indonesian, checker: MorphologyFixture.checker)
        #expect(matches.map { "\($0.concept)=\($0.text)" } == expected)
        #expect(matches.allSatisfy { !$0.match.phenomena.contains(.reduplication) })
    }

    @Test(arguments: ["LSM-LSMan", "pekerja-pekerjaan", "korban-korbanan"])
    func aReduplicationWithADerivationalEndingIsAnotherWord(_ text: String) throws {
        #expect(try found("Banyak \(text) muncul") == [])
    }

    @Test func reduplicationWrittenWithASpace() throws {
        let pair = try #require(try MorphologyFixture.single("Pekerja pekerja migran pulang", .indonesian))
        #expect(pair.phenomena == [.reduplication])
        #expect(pair.explanation == "'Pekerja' reduplicated")
        #expect(try found("pekerja pekerja migran") == ["migrant-worker=pekerja pekerja migran"])
        // Written with a space, the halves must be the same word; a clitic needs the hyphen.
        #expect(try found("korban korbannya") == ["victim=korban", "victim=korbannya"])
        #expect(try found("hak hak pekerja") == ["labour-rights=hak hak pekerja"])
    }

    /// Only the same word, one space apart on one line, and not an acronym: at a line break, after
    /// punctuation or two spaces, or for an acronym, the two words are two occurrences.
    @Test(arguments: [
        ("pekerja\npekerja migran", ["worker=pekerja", "migrant-worker=pekerja migran"]),
        ("pekerja  pekerja migran", ["worker=pekerja", "migrant-worker=pekerja migran"]),
        ("pekerja, pekerja migran", ["worker=pekerja", "migrant-worker=pekerja migran"]),
        ("pekerja buruh migran", ["worker=pekerja", "worker=buruh"]),
        ("TKI TKI", ["migrant-worker=TKI", "migrant-worker=TKI"]),
    ])
    func wordsThatRepeatOtherwise(_ text: String, _ expected: [String]) throws {
        let matches = try TestSupport.matches(text, language: .indonesian, checker: MorphologyFixture.checker)
        #expect(matches.map { "\($0.concept)=\($0.text)" } == expected)
        #expect(matches.allSatisfy { !$0.match.phenomena.contains(.reduplication) })
    }

    @Test func onlyFullReduplicationIsRead() throws {
        // Different halves are two words, not a plural.
        #expect(try found("pekerja-buruh") == ["worker=pekerja", "worker=buruh"])
        let halves = try TestSupport.matches("korban-koran", language: .indonesian, checker: MorphologyFixture.checker)
        #expect(halves.map(\.concept) == ["victim"])
        #expect(halves.allSatisfy { $0.match.phenomena.isEmpty })
    }

    @Test(arguments: [
        "para pedagang", "memperdagangkan orang", "diperdagangkan", "perdagangan internasional",
        "pekerjaan", "dipekerjakan", "berkorban", "pengorbanan", "perdagangkan orang",
    ])
    func derivationsAreNeverStripped(_ text: String) throws {
        #expect(try found(text) == [])
    }

    @Test(arguments: ["hanya", "tanya", "punya", "sekolah", "masalah", "walaupun", "makanya"])
    func wordsThatOnlyEndLikeACliticAreNotSplit(_ word: String) throws {
        #expect(try MorphologyFixture.readings(of: word, .indonesian).allSatisfy { !$0.phenomena.contains(.clitic) })
    }

    @Test func spellingFamiliesAndOlderSpelling() throws {
        let practice = try #require(try MorphologyFixture.single("praktek baik", .indonesian))
        #expect(practice.phenomena == [.spelling])
        #expect(try found("pekerdja migran") == ["migrant-worker=pekerdja migran"])
        #expect(try found("boeroeh") == ["worker=boeroeh"])
        // "panjang" and "jalan" are modern words: no older-spelling reading at all.
        #expect(try MorphologyFixture.readings(of: "panjang", .indonesian).isEmpty)
    }
}
