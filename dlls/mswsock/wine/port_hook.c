/*
 * Programs associate a socket with a completion port through kernelbase's
 * CreateIoCompletionPort and choose its completion modes through kernel32's
 * SetFileCompletionNotificationModes; both end in NtSetInformationFile
 * (wine_facts.h).  The wrapper in those two import slots lets Wine do the call
 * and, when Wine accepted it, tells completion_port.c what the socket now has.
 * Every other information class passes straight through.
 */
#include <stddef.h>
#include <winternl.h>

#include "../completion_port.h"
#include "import_slot.h"
#include "port_hook.h"

/* FILE_INFORMATION_CLASS values (Windows' and Wine's). */
#define FILE_COMPLETION_INFORMATION_CLASS          30
#define FILE_IO_COMPLETION_NOTIFICATION_CLASS      41
#define FILE_REPLACE_COMPLETION_INFORMATION_CLASS  61

struct completion_information { HANDLE port; ULONG_PTR key; };  /* FILE_COMPLETION_INFORMATION */
struct completion_notification { ULONG flags; };                /* FILE_IO_COMPLETION_NOTIFICATION_INFORMATION */

_Static_assert(sizeof(struct completion_information) == 2 * sizeof(void *), "FILE_COMPLETION_INFORMATION");
_Static_assert(offsetof(struct completion_information, key) == sizeof(void *), "FILE_COMPLETION_INFORMATION");
_Static_assert(sizeof(struct completion_notification) == 4, "FILE_IO_COMPLETION_NOTIFICATION_INFORMATION");

typedef NTSTATUS (WINAPI *set_information_fn)(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, FILE_INFORMATION_CLASS);

/* Written once under hook_once, before the import slots point at the wrapper. */
static set_information_fn real_set_information;
static INIT_ONCE hook_once = INIT_ONCE_STATIC_INIT;

static void observe(HANDLE handle, const void *info, ULONG len, int cls)
{
    const struct completion_information *completion = info;
    const struct completion_notification *notification = info;

    switch (cls)
    {
    case FILE_COMPLETION_INFORMATION_CLASS:
    case FILE_REPLACE_COMPLETION_INFORMATION_CLASS:
        if (len >= sizeof(*completion)) port_associate(handle, completion->port, completion->key);
        break;
    case FILE_IO_COMPLETION_NOTIFICATION_CLASS:
        if (len >= sizeof(*notification)) port_set_modes(handle, (UCHAR)notification->flags);
        break;
    }
}

static NTSTATUS WINAPI set_information_wrapper(HANDLE handle, IO_STATUS_BLOCK *io, void *info, ULONG len,
                                               FILE_INFORMATION_CLASS cls)
{
    NTSTATUS status = real_set_information(handle, io, info, len, cls);

    if (!status) observe(handle, info, len, cls);
    return status;
}

static BOOL CALLBACK install_hook(INIT_ONCE *once, void *param, void **context)
{
    BOOL *installed = param;

    /* CreateIoCompletionPort lives in kernelbase, SetFileCompletionNotificationModes in kernel32. */
    *installed = import_slot_wrap(L"kernelbase.dll", "NtSetInformationFile", (void *)set_information_wrapper,
                                  (void **)&real_set_information, "completion ports get no packets") &
                 import_slot_wrap(L"kernel32.dll", "NtSetInformationFile", (void *)set_information_wrapper,
                                  (void **)&real_set_information, "completion modes are not seen");
    return TRUE;
}

BOOL port_hook_install(void)
{
    static BOOL installed;

    InitOnceExecuteOnce(&hook_once, install_hook, &installed, NULL);
    return installed;
}
