#ifndef CLINEEDIT_H
#define CLINEEDIT_H
/*
 * Thin, non-variadic wrappers around libedit (histedit.h) for Swift, which cannot call the
 * variadic el_wset / el_wget / history_w.  Every wrapper does one libedit operation; the
 * editing logic lives in the Swift module KLSLineEditor.  The non-variadic libedit entry
 * points (el_init, el_end, el_wgets, el_wgetc, el_wline, el_winsertstr, el_deletestr,
 * el_cursor, el_wpush, el_beep, history_winit, history_wend) are used from Swift directly.
 */
#include <histedit.h>
#include <termios.h>
#include <wchar.h>

/* A key command added with kls_el_add_function: returns one of the CC_* codes. */
typedef unsigned char (*kls_el_command_fn)(EditLine *editor, int key);
/* A prompt function: returns the prompt, with escape sequences between two `ignore` characters. */
typedef wchar_t *(*kls_el_prompt_fn)(EditLine *editor);

/* The C standard streams (Swift 6 rejects the global variables stdin/stdout/stderr). */
FILE *kls_standard_input(void);
FILE *kls_standard_output(void);
FILE *kls_standard_error(void);

/* Sets LC_CTYPE from the environment, falling back to C.UTF-8 (then en_US.UTF-8) when that
 * fails or is not UTF-8.  Only LC_CTYPE changes, so number formatting stays in the C locale.
 * Returns 1 when the resulting character set is UTF-8. */
int kls_use_utf8_ctype_locale(void);

/* el_wset(EL_EDITOR, "emacs"). */
int kls_el_use_emacs_keys(EditLine *editor);
/* el_wset(EL_PROMPT_ESC, prompt, ignore): characters between two `ignore`s are printed
 * without taking room on the line (for colour escape sequences). */
int kls_el_set_prompt(EditLine *editor, kls_el_prompt_fn prompt, wchar_t ignore);
/* el_wset / el_wget(EL_CLIENTDATA). */
int kls_el_set_client_data(EditLine *editor, void *data);
void *kls_el_client_data(EditLine *editor);
/* el_wset(EL_HIST, history_w, history). */
int kls_el_use_history(EditLine *editor, HistoryW *history);
/* el_wset(EL_SIGNAL, on): libedit restores the terminal on signals and tracks window resizes. */
int kls_el_handle_signals(EditLine *editor, int on);
/* el_set(EL_SETTY, "-d", "-isig"): while editing, Ctrl-C/Ctrl-Z/Ctrl-\ arrive as keys. */
int kls_el_keys_not_signals(EditLine *editor);
/* el_set(EL_ADDFN, name, help, function). */
int kls_el_add_function(EditLine *editor, const char *name, const char *help, kls_el_command_fn function);
/* el_set(EL_BIND, keys, name): `keys` in libedit's notation ("^R", "\\e[200~"). */
int kls_el_bind(EditLine *editor, const char *keys, const char *name);
/* el_wset(EL_REFRESH): forget what is on the screen and redraw prompt and line at the cursor. */
int kls_el_redraw(EditLine *editor);

/* history_w(H_SETSIZE, size). */
int kls_history_set_size(HistoryW *history, int size);
/* history_w(H_ENTER, entry). */
int kls_history_enter(HistoryW *history, const wchar_t *entry);
/* history_w(H_CLEAR). */
int kls_history_clear(HistoryW *history);

/* Terminal size of `fd` (TIOCGWINSZ); returns 0 and leaves the outputs alone on failure. */
int kls_terminal_size(int fd, int *rows, int *columns);

/* Installs a SIGINT handler (without SA_RESTART, so blocking reads return EINTR) that only
 * records the signal; kls_sigint_trap_end restores the previous handler and returns 1 when a
 * SIGINT arrived in between; kls_sigint_trapped tells it while the trap is set.  Not nestable. */
void kls_sigint_trap_begin(void);
int kls_sigint_trapped(void);
int kls_sigint_trap_end(void);

/* Stops the process group like Ctrl-Z in a shell: puts `fd` back to `cooked` settings, sends
 * SIGTSTP with the default action (SIGTSTP and SIGCONT handlers, such as libedit's, are
 * set aside meanwhile), and on resume restores the terminal settings it found. */
void kls_suspend_process(int fd, const struct termios *cooked);

#endif
