#if canImport(Glibc)
    import Glibc
#endif

/// A file for the inputs that the code under test must read from disk (the streamed TBX
/// reader, mapped files), rewritten for every input.
///
/// It lives in a folder of this process (`/dev/shm` when there is one, so no disk is written),
/// removed when the process exits normally; a crash leaves it behind, which is harmless.
public enum ScratchFile {
    private static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        let folder = "\(base)/glossary-fuzz-\(getpid())"
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else { Invariant.fail("cannot make \(folder)") }
        atexit {
            // The names written are few and known; remove those, then the folder.
            for name in ScratchFile.names.withLock({ $0 }) { unlink(ScratchFile.folder + "/" + name) }
            rmdir(ScratchFile.folder)
        }
        return folder
    }()

    /// The names written so far.
    private static let names = Locked<Set<String>>([])

    /// Writes `bytes` to the scratch file `name` (replacing what it held) and returns its path.
    public static func write(_ bytes: [UInt8], name: String) -> String {
        let path = folder + "/" + name
        names.withLock { _ = $0.insert(name) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { Invariant.fail("cannot write \(path)") }
        defer { close(descriptor) }
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                guard written > 0 else { Invariant.fail("cannot write \(path)") }
                done += written
            }
        }
        return path
    }
}

/// A value behind a lock (the targets run one input at a time, but globals must be Sendable).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private var mutex = pthread_mutex_t()

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body(&value)
    }
}
