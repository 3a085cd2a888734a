/*
 * Conformance harness for Windows test programs run under Wine with msgsock.
 *
 *   ok(cond, "fmt", ...)      one assertion; failures print file:line
 *   skip("fmt", ...)          a check that cannot run here, with the reason
 *   todo(cond, "fmt", ...)    known not yet right: counted apart, never a pass
 *
 * Each program defines `void run_tests(void)`; the harness's main() first
 * proves that ws2_32/mswsock are msgsock's (fails loudly otherwise), runs the
 * tests and prints "<program>: N passed, N failed, N skipped, N todo".
 */
#ifndef MSGSOCK_HARNESS_H
#define MSGSOCK_HARNESS_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>

void run_tests(void);

int harness_ok(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void harness_skip(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void harness_todo(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Ends the program now, reporting a failure: for a broken precondition. */
void harness_fatal(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

#define ok(cond, ...)   harness_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define skip(...)       harness_skip(__FILE__, __LINE__, __VA_ARGS__)
#define todo(cond, ...) harness_todo(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define fatal(...)      harness_fatal(__FILE__, __LINE__, __VA_ARGS__)

/* One assertion: `ret` is SOCKET_ERROR and WSAGetLastError() is `expected`; `what` names the case. */
#define expect_wsa_error(ret, expected, what) harness_expect_wsa_error(__FILE__, __LINE__, ret, expected, what)
void harness_expect_wsa_error(const char *file, int line, int ret, int expected, const char *what);

/* Trace line (not an assertion), prefixed with the program name. */
void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Set by the harness: TRUE when the program was asked to run on Wine's builtin (--builtin). */
extern BOOL harness_on_builtin;

#endif
