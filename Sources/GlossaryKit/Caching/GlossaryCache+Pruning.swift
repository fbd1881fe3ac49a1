import Foundation

extension GlossaryCache {
    /// How much the cache may hold.
    package struct Limits: Sendable, Equatable {
        /// The most bytes all entries may take together. An entry larger than this alone is not
        /// stored.
        package var maximumBytes: Int
        /// How long an entry may go unused before it is removed, in seconds.
        package var maximumAge: Double

        package init(maximumBytes: Int, maximumAge: Double) {
            self.maximumBytes = maximumBytes
            self.maximumAge = maximumAge
        }

        /// 512 MiB (a dozen entries of 100k-concept glossaries), and 30 days.
        package static let standard = Limits(maximumBytes: 512 << 20, maximumAge: 30 * 24 * 3600)
    }

    /// How long a temporary file of a writer or pruner may stay before it is taken for one left
    /// by a process that died.
    static let abandonedAfter: TimeInterval = 3600

    /// A successful load refreshes the entry's last use at most this often, so that most runs
    /// write nothing to the cache folder.
    static let useResolution: TimeInterval = 60

    /// Records that an entry was just used: the modification time of the file at `path`, which
    /// pruning reads as its last use (access times are not kept on many systems).
    ///
    /// The file is the entry, or its verification record when it has one (`VerificationRecord`):
    /// touching the entry would change its ctime, and with it the identity the record vouches
    /// for, and the next load would check the entry in full again. An entry's last use is the
    /// later of the two times (`lastUse(of:status:)`).
    func markUsed(_ path: String, now: Date = Date()) {
        var status = stat()
        guard stat(path, &status) == 0, now.timeIntervalSince1970 - Self.modificationTime(status) >= Self.useResolution else {
            return
        }
        // A cache on a read-only disk stays as it is.
        _ = utimensat(AT_FDCWD, path, nil, 0)
    }

    /// Brings the cache within `limits`: removes entries unused for longer than
    /// `limits.maximumAge`, then the least recently used entries, oldest first, until all take
    /// at most `limits.maximumBytes`; the entry of `kept` (just stored) stays. Temporary files
    /// left by processes that died go too, and the verification records of entries that are
    /// gone; files the cache did not write are left alone.
    ///
    /// Removing an entry never harms a process reading it: a reader has the file mapped, and the
    /// mapping keeps its bytes until it is unmapped; entries are never truncated or rewritten in
    /// place. An entry is first renamed to a name of this process's, then checked to be the file
    /// that was judged old and to be unused since, then unlinked; otherwise it is put back (see
    /// `remove(_:judged:)`).
    ///
    /// - Complexity: O(*n* log *n*) in the number of files in the cache folder.
    func prune(keeping kept: String?, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        let nowSeconds = now.timeIntervalSince1970
        let keptName = kept.map { $0 + Self.entrySuffix }
        var entries: [(name: String, status: stat, lastUse: TimeInterval)] = []
        defer { removeOrphanedRecords(among: names) }
        for name in names {
            var status = stat()
            guard lstat(file(name), &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let idle = nowSeconds - Self.modificationTime(status)
            if name.hasSuffix(Self.entrySuffix), !name.hasPrefix(".") {
                let lastUse = lastUse(of: name, status: status)
                if nowSeconds - lastUse > limits.maximumAge, name != keptName {
                    remove(name, judged: status, lastUse: lastUse)
                } else {
                    entries.append((name, status, lastUse))
                }
            } else if Self.isTemporaryName(name), idle > Self.abandonedAfter {
                unlink(file(name))
            }
        }
        var total = entries.reduce(0) { $0 + Int($1.status.st_size) }
        guard total > limits.maximumBytes else { return }
        entries.sort { $0.lastUse < $1.lastUse }
        for entry in entries where total > limits.maximumBytes && entry.name != keptName {
            if remove(entry.name, judged: entry.status, lastUse: entry.lastUse) { total -= Int(entry.status.st_size) }
        }
    }

    /// Removes the verification records (`VerificationRecord`) among `names` whose entry is gone.
    /// A record of a missing entry vouches for nothing (a new entry is another file), but takes
    /// a file.
    ///
    /// Only a file the cache wrote goes: named after a key, and a record by its size and kind
    /// (`VerificationRecord.isRecord(at:)`). The cache folder may be one the user keeps other
    /// files in (`GLOSSARY_CACHE_DIR`), and `.verified` is a common ending.
    private func removeOrphanedRecords(among names: [String]) {
        // A key record (`KeyRecord`) whose key has no entry (left by a glossary that has changed
        // since, or by an entry pruned) finds nothing.
        func entryIsGone(_ key: Substring) -> Bool {
            var status = stat()
            return lstat(file(key + Self.entrySuffix), &status) != 0 && errno == ENOENT
        }
        for name in names where name.hasSuffix(KeyRecord.suffix) && Self.isKey(name.dropLast(KeyRecord.suffix.count)) {
            if let key = KeyRecord.recordedKey(at: file(name)), entryIsGone(Substring(key)) { unlink(file(name)) }
        }
        for name in names where name.hasSuffix(VerificationRecord.suffix) {
            let key = name.dropLast(VerificationRecord.suffix.count)
            if Self.isKey(key), entryIsGone(key), VerificationRecord.isRecord(at: file(name)) { unlink(file(name)) }
        }
    }

    /// Whether `name` is a name the cache gives a file it is writing or claiming:
    /// `.<key>.…` ending in `.tmp` (`temporarySuffix`) or `.prune` (`claimSuffix`). Other
    /// hidden files in the folder are not the cache's, however old.
    static func isTemporaryName(_ name: String) -> Bool {
        let afterDot = name.utf8.dropFirst()
        return name.hasPrefix(".") && (name.hasSuffix(temporarySuffix) || name.hasSuffix(claimSuffix))
            && isKey(Substring(afterDot.prefix(16))) && afterDot.dropFirst(16).first == UInt8(ascii: ".")
    }

    /// Whether `name` has the form of a cache key: 16 lowercase hexadecimal digits
    /// (`KeyHasher.key`).
    static func isKey(_ name: Substring) -> Bool {
        name.utf8.count == 16
            && name.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }

    /// The suffix of an entry that a pruner has claimed: `.<entry>.<process id>.prune`.
    static let claimSuffix = ".prune"

    /// The name of the verification record (`VerificationRecord`) of the entry file `name`:
    /// `<key>.verified` for `<key>.glossary-cache`.
    static func recordName(ofEntry name: String) -> String {
        String(name.dropLast(entrySuffix.count)) + VerificationRecord.suffix
    }

    /// When the entry file `name`, whose status is `status`, was last used: the later of its
    /// modification time and its verification record's (`markUsed(_:now:)`).
    func lastUse(of name: String, status: stat) -> TimeInterval {
        let entryUse = Self.modificationTime(status)
        var record = stat()
        guard lstat(file(Self.recordName(ofEntry: name)), &record) == 0, record.st_mode & S_IFMT == S_IFREG else {
            return entryUse
        }
        return max(entryUse, Self.modificationTime(record))
    }

    /// Removes entry file `name`, which was judged removable when it had `judged` as its status
    /// and `lastUse` as its last use (by default, `judged`'s modification time); its
    /// verification record goes with it.
    ///
    /// The entry is renamed first, so that two pruners never both remove it and a writer that
    /// replaces it meanwhile is noticed: when the renamed file is not the one judged (a writer
    /// replaced it) or was used since (`markUsed`, on the entry or its record), it is linked
    /// back under its name, unless a newer entry has taken the name since. (Putting it back
    /// gives the file a new ctime: its next load checks it in full again.)
    ///
    /// - Returns: whether the judged entry was removed.
    @discardableResult
    func remove(_ name: String, judged: stat, lastUse: TimeInterval? = nil) -> Bool {
        let claimed = file(".\(name).\(ProcessInfo.processInfo.processIdentifier)\(Self.claimSuffix)")
        guard rename(file(name), claimed) == 0 else { return false }
        var now = stat()
        let unchanged =
            lstat(claimed, &now) == 0 && now.st_dev == judged.st_dev && now.st_ino == judged.st_ino
            && Self.modificationTime(now) == Self.modificationTime(judged)
            && self.lastUse(of: name, status: now) <= (lastUse ?? Self.modificationTime(judged))
        if !unchanged { _ = link(claimed, file(name)) }
        unlink(claimed)
        if unchanged { unlink(file(Self.recordName(ofEntry: name))) }
        return unchanged
    }

    private func file(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    private var directory: URL { URL(fileURLWithPath: path) }

    /// A file's modification time, in seconds since 1970.
    static func modificationTime(_ status: stat) -> TimeInterval {
        #if canImport(Darwin)
            TimeInterval(status.st_mtimespec.tv_sec) + TimeInterval(status.st_mtimespec.tv_nsec) / 1e9
        #else
            TimeInterval(status.st_mtim.tv_sec) + TimeInterval(status.st_mtim.tv_nsec) / 1e9
        #endif
    }
}
