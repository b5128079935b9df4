/** What the error pages say for each status: the root ErrorBoundary and the static page share it. */

export interface ErrorText {
  title: string;
  message: string;
}

const CLIENT_ERRORS: Record<number, ErrorText> = {
  400: { title: "Richiesta non valida", message: "La richiesta non può essere soddisfatta." },
  401: { title: "Accesso richiesto", message: "Per vedere questa pagina occorre accedere." },
  403: {
    title: "Accesso negato",
    message: "Il tuo account non ha i permessi per questa pagina.",
  },
  404: {
    title: "Pagina non trovata",
    message: "L'indirizzo non corrisponde a nessuna pagina del cruscotto.",
  },
};

const SERVER_ERROR: ErrorText = {
  title: "Si è verificato un errore",
  message:
    "Non è stato possibile completare la richiesta. Riprovare tra qualche minuto; se il problema continua, avvisare l'amministratore.",
};

export function errorText(status: number): ErrorText {
  if (status >= 500) return SERVER_ERROR;
  return CLIENT_ERRORS[status] ?? (CLIENT_ERRORS[400] as ErrorText);
}
