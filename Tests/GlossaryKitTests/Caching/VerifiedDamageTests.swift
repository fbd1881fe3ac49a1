import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// Bytes that change under a record that still matches (damage below the file system, a file
/// system whose ctime or inode does not move) must be refused as a full load refuses them: a
/// load through the record checks the entry's checksums. (A first version trusted the record
/// for the bytes too; such entries then crashed every run or read outside the entry.)
@Suite("Verified damage")
struct VerifiedDamageTests {
    /// Every byte damaged, in turn, under a record of the damaged file's identity.
    static func damagedPositions(_ entry: Data) -> StrideTo<Int> {
        stride(from: CacheEntry.headerSize, to: entry.count, by: max(1, entry.count / 400))
    }

    @Test func aDamagedEntryUnderAMatchingRecordIsRefused() throws {
        let (setup, key, entry) = try VerificationRecordTests.stored()
        let original = try Data(contentsOf: entry)
        let record = setup.cache.verificationRecordPath(for: key)
        var refused = 0
        for position in Self.damagedPositions(original) {
            try original.write(to: entry)
            try CacheIntegrityTests.flip(entry, at: position, mask: 0xFF)
            VerificationRecord.store(key: key, identity: try VerificationRecordTests.status(entry), at: record)
            #expect(VerificationRecord.identity(at: record, key: key) != nil, "the record matches the damaged file")
            #expect(setup.cache.loadEntry(key: key, now: VerificationRecordTests.later) == nil, "damage at \(position)")
            refused += 1
        }
        #expect(refused >= 100)
    }

    @Test func aDamagedEntryUnderAMatchingRecordDoesNotCrashTheRun() async {
        await #expect(processExitsWith: .success) {
            let (setup, key, entry) = try VerificationRecordTests.stored()
            let original = try Data(contentsOf: entry)
            let record = setup.cache.verificationRecordPath(for: key)
            for position in Self.damagedPositions(original) {
                try original.write(to: entry)
                try CacheIntegrityTests.flip(entry, at: position, mask: 0xFF)
                // The record of the damaged file, as if the damage came after it was written.
                VerificationRecord.store(key: key, identity: try VerificationRecordTests.status(entry), at: record)
                guard let loaded = setup.cache.loadEntry(key: key, now: VerificationRecordTests.later) else { continue }
                _ = try? GlossaryChecker(compiled: loaded.compiled).check(setup.source)
            }
        }
    }
}
