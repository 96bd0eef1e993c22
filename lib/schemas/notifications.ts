// Inputs of in-product notifications (lib/server/notifications/*).
import { z } from "zod";
import { checkbox, emptyAsAbsent, id, pageNumber } from "./fields";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const ListNotificationsSchema = z.object({
  unreadOnly: checkbox,
  page: pageNumber(1, 100_000, "The page"),
  pageSize: pageNumber(NOTIFICATIONS_PAGE_SIZE, 100, "The page size"),
});
export type ListNotificationsInput = z.input<typeof ListNotificationsSchema>;

/** Mark one notification read, or all of the person's notifications. */
export const MarkNotificationReadSchema = z
  .object({
    notificationId: z.preprocess(emptyAsAbsent, id("notification").optional()),
    all: checkbox,
  })
  .refine((v) => (v.notificationId !== undefined) !== v.all, {
    message: "Name one notification, or ask for all of them.",
    path: ["notificationId"],
  });
export type MarkNotificationReadInput = z.infer<typeof MarkNotificationReadSchema>;

/** The header's unread count, asked for by the page as the person moves around: no input. */
export const UnreadCountSchema = z.object({}).strict();
