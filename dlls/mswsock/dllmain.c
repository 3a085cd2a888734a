/* mswsock's DllMain: an exiting thread's requests with completion routines end with it. */
#include "provider.h"
#include "msg_io.h"
#include "thread_handle.h"

static void thread_exit_on(struct socket_ctx *ctx, void *arg)
{
    msg_io_thread_exit(ctx, *(const DWORD *)arg);
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    DWORD thread_id;

    if (reason == DLL_PROCESS_ATTACH && !thread_handle_init()) return FALSE;
    if (reason == DLL_THREAD_DETACH)
    {
        thread_id = GetCurrentThreadId();
        socket_for_each(thread_exit_on, &thread_id);
        /* Only now: no request of this thread can still queue its routine through the handle. */
        thread_handle_detach();
    }
    return TRUE;
}
