namespace QbConnector.Engine.Actors.Core.SystemMessages;

/// <summary>Kernel messages (lifecycle, supervision, watch); processed before any user message.</summary>
internal interface ISystemMessage;
