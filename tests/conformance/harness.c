/* The conformance harness: counting, reporting, and the "really msgsock?" check. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "msgsock/module_info.h"

static LONG passed, failed, skipped, todos;
static char program[MAX_PATH];
BOOL harness_on_builtin;

static void report(const char *kind, const char *file, int line, const char *fmt, va_list args)
{
    printf("%s:%d: %s: ", file, line, kind);
    vprintf(fmt, args);
    printf("\n");
    fflush(stdout);
}

int harness_ok(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list args;

    if (cond)
    {
        InterlockedIncrement(&passed);
        return 1;
    }
    InterlockedIncrement(&failed);
    va_start(args, fmt);
    report("Test failed", file, line, fmt, args);
    va_end(args);
    return 0;
}

void harness_skip(const char *file, int line, const char *fmt, ...)
{
    va_list args;

    InterlockedIncrement(&skipped);
    va_start(args, fmt);
    report("Tests skipped", file, line, fmt, args);
    va_end(args);
}

void harness_todo(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list args;

    InterlockedIncrement(&todos);
    va_start(args, fmt);
    report(cond ? "Todo succeeded (remove the todo)" : "Todo", file, line, fmt, args);
    va_end(args);
    if (cond) InterlockedIncrement(&failed);
}

void harness_fatal(const char *file, int line, const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    report("FATAL", file, line, fmt, args);
    va_end(args);
    printf("%s: %ld passed, %ld failed, %ld skipped, %ld todo\n", program, passed, failed + 1,
           skipped, todos);
    fflush(stdout);
    ExitProcess(1);
}

void trace(const char *fmt, ...)
{
    va_list args;

    printf("%s: ", program);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    fflush(stdout);
}

/* A program that silently ran on Wine's builtin would "pass" for the wrong DLL. */
static void check_running_on_msgsock(void)
{
    static const char *const names[] = { "ws2_32.dll", "mswsock.dll" };
    msgsock_module_info_fn info_fn;
    struct msgsock_module_info info;
    unsigned int i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    {
        HMODULE module = LoadLibraryA(names[i]);
        if (!module) fatal("%s does not load (error %lu)", names[i], GetLastError());
        info_fn = (msgsock_module_info_fn)(void *)GetProcAddress(module, "msgsock_module_info");
        if (!info_fn) fatal("%s is not msgsock's (Wine's builtin?): check WINEDLLOVERRIDES", names[i]);
        memset(&info, 0, sizeof(info));
        info_fn(&info);
        if (info.magic != MSGSOCK_MODULE_MAGIC) fatal("%s: bad msgsock magic %#x", names[i], info.magic);
        if (!info.host_available) fatal("%s: the helper's unix library (msgsock.so) is not loaded", names[i]);
    }
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '\\');

    if (!base) base = strrchr(argv[0], '/');
    snprintf(program, sizeof(program), "%s", base ? base + 1 : argv[0]);
    if (argc > 1 && !strcmp(argv[1], "--builtin")) harness_on_builtin = TRUE;
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!harness_on_builtin) check_running_on_msgsock();
    run_tests();
    printf("%s: %ld passed, %ld failed, %ld skipped, %ld todo\n", program, passed, failed, skipped,
           todos);
    return failed ? 1 : 0;
}

void harness_expect_wsa_error(const char *file, int line, int ret, int expected, const char *what)
{
    int error = WSAGetLastError();

    harness_ok(ret == SOCKET_ERROR && error == expected, file, line, "%s: ret %d error %d, expected %d", what,
               ret, error, expected);
}
