/*
 * What msgsock needs of the Wine it runs on (include/msgsock/wine_facts.h),
 * checked once at the first WSPStartup.  A Wine that lacks any of it gets one
 * loud message (stderr, whatever WINEDEBUG says) and WSAStartup fails with
 * WSASYSNOTREADY ("the underlying network subsystem is not ready"): the
 * program fails with a clear, documented error instead of running with
 * transfers that can never complete.
 *
 * MSGSOCK_PRETEND_MISSING=NAME makes a fact look missing (tests do this to
 * prove the path): one of the names of `requirements` below.
 */
#include <string.h>
#include <windows.h>

#include "msgsock/debug.h"
#include "msgsock/host.h"
#include "afd.h"
#include "cancel_hook.h"
#include "port_hook.h"
#include "support.h"

struct requirement
{
    const char *name;
    const char *what;
    BOOL (*present)(void);
};

static BOOL has_unix_library(void) { return msgsock_host_available(); }

static const struct requirement requirements[] =
{
    { "unix-library", "msgsock.so, the helper's unix library (through __wine_unix_call_dispatcher)", has_unix_library },
    { "socket-device", "ntdll's NtOpenFile, NtDeviceIoControlFile, NtCancelIoFileEx and wine_server_handle_to_fd",
      afd_available },
    { "cancel-hook", "kernelbase's CancelIo/CancelIoEx calls into ntdll", cancel_hook_install },
    { "port-hook", "kernelbase's and kernel32's NtSetInformationFile calls (completion ports)", port_hook_install },
};

static BOOL pretend_missing(const char *name)
{
    char value[64];
    DWORD len = GetEnvironmentVariableA("MSGSOCK_PRETEND_MISSING", value, sizeof(value));

    return len && len < sizeof(value) && !strcmp(value, name);
}

static const char *wine_version(void)
{
    const char *(__cdecl *get_version)(void);

    get_version = (void *)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version");
    return get_version ? get_version() : "unknown";
}

static BOOL CALLBACK check_once(INIT_ONCE *once, void *param, void **context)
{
    int *result = param;
    unsigned int i;

    *result = 0;
    for (i = 0; i < ARRAYSIZE(requirements); i++)
    {
        /* Every hook is installed (each check has that side effect) even after a miss. */
        if (requirements[i].present() && !pretend_missing(requirements[i].name)) continue;
        msgsock_debug_loud("Wine %s lacks %s; msgsock cannot serve this process: WSAStartup fails with "
                           "WSASYSNOTREADY. Run it on Wine's builtin Winsock (WINEDLLOVERRIDES=ws2_32,mswsock=b).\n",
                           wine_version(), requirements[i].what);
        *result = WSASYSNOTREADY;
    }
    TRACE("Wine %s: %s\n", wine_version(), *result ? "unsupported" : "supported");
    return TRUE;
}

int wine_support_check(void)
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    static int result;

    InitOnceExecuteOnce(&once, check_once, &result, NULL);
    return result;
}
