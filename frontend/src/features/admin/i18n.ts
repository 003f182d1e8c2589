import { defineMessages } from "../../lib/i18n";
import { en } from "./messages/en";
import { vi } from "./messages/vi";

export const useMessages = defineMessages(vi, en);
