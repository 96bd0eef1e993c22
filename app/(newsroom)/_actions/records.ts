"use server";
// Sources, people and organisations, quotes, open questions and timeline events.
import { defineAction } from "@/lib/http/action";
import {
  CreateEntitySchema,
  CreateEventSchema,
  CreateQuestionSchema,
  CreateQuoteSchema,
  DeleteEntitySchema,
  DeleteEventSchema,
  DeleteQuestionSchema,
  DeleteQuoteSchema,
  UpdateEntitySchema,
  UpdateEventSchema,
  UpdateQuestionSchema,
  UpdateQuoteSchema,
} from "@/lib/schemas/records";
import { CreateSourceSchema, DeleteSourceSchema, UpdateSourceSchema } from "@/lib/schemas/sources";
import { createEntity } from "@/lib/server/entities/create-entity";
import { deleteEntity } from "@/lib/server/entities/delete-entity";
import { updateEntity } from "@/lib/server/entities/update-entity";
import { createEvent } from "@/lib/server/events/create-event";
import { deleteEvent } from "@/lib/server/events/delete-event";
import { updateEvent } from "@/lib/server/events/update-event";
import { createQuestion } from "@/lib/server/questions/create-question";
import { deleteQuestion } from "@/lib/server/questions/delete-question";
import { updateQuestion } from "@/lib/server/questions/update-question";
import { createQuote } from "@/lib/server/quotes/create-quote";
import { deleteQuote } from "@/lib/server/quotes/delete-quote";
import { updateQuote } from "@/lib/server/quotes/update-quote";
import { createSource } from "@/lib/server/sources/create-source";
import { deleteSource } from "@/lib/server/sources/delete-source";
import { updateSource } from "@/lib/server/sources/update-source";

export const createSourceAction = defineAction(CreateSourceSchema, createSource);
export const updateSourceAction = defineAction(UpdateSourceSchema, updateSource);
export const deleteSourceAction = defineAction(DeleteSourceSchema, deleteSource);
export const createEntityAction = defineAction(CreateEntitySchema, createEntity);
export const updateEntityAction = defineAction(UpdateEntitySchema, updateEntity);
export const deleteEntityAction = defineAction(DeleteEntitySchema, deleteEntity);
export const createQuoteAction = defineAction(CreateQuoteSchema, createQuote);
export const updateQuoteAction = defineAction(UpdateQuoteSchema, updateQuote);
export const deleteQuoteAction = defineAction(DeleteQuoteSchema, deleteQuote);
export const createQuestionAction = defineAction(CreateQuestionSchema, createQuestion);
export const updateQuestionAction = defineAction(UpdateQuestionSchema, updateQuestion);
export const deleteQuestionAction = defineAction(DeleteQuestionSchema, deleteQuestion);
export const createEventAction = defineAction(CreateEventSchema, createEvent);
export const updateEventAction = defineAction(UpdateEventSchema, updateEvent);
export const deleteEventAction = defineAction(DeleteEventSchema, deleteEvent);
