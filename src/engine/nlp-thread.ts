/**
 * The NLP thread's script (see `startNlpThread` in nlp.ts): loads wink-nlp at once, then reads
 * each batch of texts it is sent and answers with `tagWith`'s plain data, bumping the shared
 * counter the asking thread waits on. When it cannot answer (wink-nlp did not load, or anything
 * threw), it says so in the counter and stops: the asking thread then reads on its own.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import { tagWith, winkNlp } from "./nlp.js";

const { port, counter } = workerData as { port: MessagePort; counter: Int32Array };

function giveUp(): void {
  Atomics.store(counter, 1, 1);
  Atomics.notify(counter, 0);
  port.close();
}

process.on("uncaughtException", giveUp);
const nlp = winkNlp(false);
if (!nlp) giveUp();
else {
  port.on("message", (texts: string[]) => {
    port.postMessage({ texts, readings: texts.map((text) => tagWith(nlp, text)) });
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}
