// The ticket pages' names for the app-wide notifications (one implementation: ui/notify.ts).
export { notifyError as notifyFailure, notifySuccess as notifyDone } from "../../ui/notify.ts";
