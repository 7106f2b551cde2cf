#include "CLineEdit.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

FILE *kls_standard_input(void) { return stdin; }
FILE *kls_standard_output(void) { return stdout; }
FILE *kls_standard_error(void) { return stderr; }

static int ctype_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

int kls_use_utf8_ctype_locale(void) {
    if (setlocale(LC_CTYPE, "") != NULL && ctype_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && ctype_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") != NULL && ctype_is_utf8()) return 1;
    return 0;
}

int kls_el_use_emacs_keys(EditLine *editor) { return el_wset(editor, EL_EDITOR, L"emacs"); }

int kls_el_set_prompt(EditLine *editor, kls_el_prompt_fn prompt, wchar_t ignore) {
    return el_wset(editor, EL_PROMPT_ESC, prompt, ignore);
}

int kls_el_set_client_data(EditLine *editor, void *data) {
    return el_wset(editor, EL_CLIENTDATA, data);
}

void *kls_el_client_data(EditLine *editor) {
    void *data = NULL;
    if (el_wget(editor, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int kls_el_use_history(EditLine *editor, HistoryW *history) {
    return el_wset(editor, EL_HIST, history_w, history);
}

int kls_el_handle_signals(EditLine *editor, int on) { return el_wset(editor, EL_SIGNAL, on); }

int kls_el_keys_not_signals(EditLine *editor) {
    return el_set(editor, EL_SETTY, "-d", "-isig", (const char *)NULL);
}

int kls_el_add_function(EditLine *editor, const char *name, const char *help, kls_el_command_fn function) {
    return el_set(editor, EL_ADDFN, name, help, function);
}

int kls_el_bind(EditLine *editor, const char *keys, const char *name) {
    return el_set(editor, EL_BIND, keys, name, (const char *)NULL);
}

int kls_el_redraw(EditLine *editor) { return el_wset(editor, EL_REFRESH); }

int kls_history_set_size(HistoryW *history, int size) {
    HistEventW event;
    return history_w(history, &event, H_SETSIZE, size);
}

int kls_history_enter(HistoryW *history, const wchar_t *entry) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, entry);
}

int kls_history_clear(HistoryW *history) {
    HistEventW event;
    return history_w(history, &event, H_CLEAR);
}

int kls_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0 || size.ws_row == 0) return 0;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 1;
}

static volatile sig_atomic_t sigint_seen = 0;
static struct sigaction sigint_previous;

static void record_sigint(int signo) {
    (void)signo;
    sigint_seen = 1;
}

void kls_sigint_trap_begin(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigint_seen = 0;
    sigaction(SIGINT, &action, &sigint_previous);
}

int kls_sigint_trapped(void) { return sigint_seen != 0; }

int kls_sigint_trap_end(void) {
    sigaction(SIGINT, &sigint_previous, NULL);
    return sigint_seen != 0;
}

void kls_suspend_process(int fd, const struct termios *cooked) {
    struct termios editing;
    int have_editing = tcgetattr(fd, &editing) == 0;
    struct sigaction default_action, previous_stop, previous_continue;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    tcsetattr(fd, TCSADRAIN, cooked);
    sigaction(SIGTSTP, &default_action, &previous_stop);
    sigaction(SIGCONT, &default_action, &previous_continue);
    kill(0, SIGTSTP);
    sigaction(SIGCONT, &previous_continue, NULL);
    sigaction(SIGTSTP, &previous_stop, NULL);
    if (have_editing) tcsetattr(fd, TCSADRAIN, &editing);
}
