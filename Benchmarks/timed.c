// Runs a command and prints, on one line, what the harness measures of it: the wall time from
// just before its fork to just after its exit (ns), its CPU time (user + system, us), its peak
// resident set (KB) and its exit status.
//
// Usage: timed ERRORS COMMAND [ARGUMENT...]. The command's output goes to /dev/null and its
// errors to the file ERRORS.
//
// A separate small program because of how Linux counts peak memory: a process's ru_maxrss keeps
// the largest resident set of every program it ran, including the one it was before exec. A
// command that the harness (Python, tens of megabytes) starts directly reports at least the
// harness's own peak; one started from this program reports at most this program's (about a
// megabyte), as under /usr/bin/time. And unlike under /usr/bin/time, the wall time does not
// include the start of the program that measures.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: timed ERRORS COMMAND [ARGUMENT...]\n");
        return 2;
    }
    int errors = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (errors < 0 || null < 0) {
        perror("timed: opening the outputs");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
        perror("timed: fork");
        return 2;
    }
    if (pid == 0) {
        if (dup2(null, STDOUT_FILENO) < 0 || dup2(errors, STDERR_FILENO) < 0) _exit(126);
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("timed: wait4");
            return 2;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long nanoseconds = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    long long cpu = (long long)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL + usage.ru_utime.tv_usec
        + usage.ru_stime.tv_usec;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("%lld %lld %ld %d\n", nanoseconds, cpu, usage.ru_maxrss, code);
    return 0;
}
